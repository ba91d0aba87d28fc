package dev.soracommock.files;

import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.Identifiers;
import dev.soracommock.kernel.Paging;
import dev.soracommock.kernel.Paging.PageRequest;
import dev.soracommock.kernel.SqlLike;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of Harvest Files (soracom-dataplane-facts §2.3): files of an operator in scope {@code private} (written
 * by the API and by devices) and {@code public} (readable; nothing writes to it here). A path spans segments
 * ({@code dir/a.txt}), is kept as {@code /dir/a.txt}, and makes each missing ancestor directory; a directory stays
 * when its last file is deleted, until deleteDirectory removes it. Lists are in ascending UTF-8 byte order, paged by
 * the last filename (a directory) or file path (findFiles).
 */
@Service
public class HarvestFiles {

    static final String PRIVATE = "private";
    static final String PUBLIC = "public";

    /** soracom-dataplane-facts §2.3: a path of at most 1,024 bytes and 16 levels of directories. */
    static final int MAX_PATH_BYTES = 1024;
    static final int MAX_DIRECTORY_LEVELS = 16;

    /** The files' content type when the upload names none. */
    static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private static final Comparator<String> UTF8_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    /** A file or directory as the API shows it. */
    public record Entry(String filePath, String filename, String directory, boolean isDirectory, String contentType,
            Long contentLength, String etag, long createdTime, long lastModifiedTime, String downloadId) {
    }

    /** A file's bytes and what to serve them with. */
    public record Content(byte[] bytes, String contentType, String etag) {
    }

    /** A path split into its segments ({@code dir/a.txt} → [dir, a.txt]). */
    private record FilePath(List<String> segments) {

        String asFile() {
            return "/" + String.join("/", segments);
        }

        String asDirectory() {
            return segments.isEmpty() ? "/" : asFile() + "/";
        }

        String parent() {
            return segments.size() <= 1 ? "/" : "/" + String.join("/", segments.subList(0, segments.size() - 1)) + "/";
        }

        String last() {
            return segments.get(segments.size() - 1);
        }

        boolean root() {
            return segments.isEmpty();
        }
    }

    private final FileStore store;
    private final MockClock clock;
    private final Identifiers ids;

    HarvestFiles(FileStore store, MockClock clock, Identifiers ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    // --- writes ---

    /** Puts a file of the private scope; true when it was created, false when it replaced one. */
    @Transactional
    public boolean put(String operatorId, String scope, String path, byte[] content, String contentType) {
        if (!PRIVATE.equals(scope)) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "only the private scope is writable: scope");
        }
        FilePath p = parse(path);
        if (p.root()) {
            throw new ApiException(ErrorCode.INVALID_FILE_PATH, "a file needs a name");
        }
        byte[] bytes = content == null ? new byte[0] : content;
        String type = contentType == null || contentType.isBlank() ? DEFAULT_CONTENT_TYPE : contentType;
        long now = clock.nowMillis();
        makeAncestors(operatorId, scope, p, now);
        Optional<FileStore.Row> existing = store.find(operatorId, scope, p.asFile());
        if (existing.isPresent()) {
            store.replaceContent(operatorId, existing.get().id(), type, bytes, md5(bytes), now);
            return false;
        }
        store.insertFile(operatorId, scope, p.asFile(), p.parent(), p.last(), type, bytes, md5(bytes),
                ids.uuid().toString(), now);
        return true;
    }

    private void makeAncestors(String operatorId, String scope, FilePath p, long now) {
        for (int n = 1; n < p.segments().size(); n++) {
            FilePath dir = new FilePath(p.segments().subList(0, n));
            Optional<FileStore.Row> row = store.find(operatorId, scope, dir.asDirectory());
            if (row.isPresent()) {
                if (n == p.segments().size() - 1) {
                    store.touch(row.get().id(), now);
                }
            } else {
                store.insertDirectory(operatorId, scope, dir.asDirectory(), dir.parent(), dir.last() + "/", now);
            }
        }
    }

    @Transactional
    public void deleteFile(String operatorId, String scope, String path) {
        FilePath p = parse(path);
        FileStore.Row row = p.root() ? null : store.find(operatorId, scope, p.asFile()).orElse(null);
        if (row == null || row.directory()) {
            throw new ApiException(ErrorCode.FILE_NOT_FOUND, p.asFile());
        }
        store.delete(operatorId, row.id());
    }

    @Transactional
    public void deleteDirectory(String operatorId, String scope, String path) {
        FilePath p = parse(path);
        if (p.root()) {
            throw new ApiException(ErrorCode.INVALID_FILE_PATH, "the root directory cannot be deleted");
        }
        FileStore.Row row = store.find(operatorId, scope, p.asDirectory())
                .orElseThrow(() -> new ApiException(ErrorCode.FILE_NOT_FOUND, p.asDirectory()));
        if (store.hasChildren(operatorId, scope, p.asDirectory())) {
            throw new ApiException(ErrorCode.DIRECTORY_NOT_EMPTY, p.asDirectory());
        }
        store.delete(operatorId, row.id());
    }

    // --- reads ---

    /** A file (not a directory); 404 when there is none. */
    @Transactional(readOnly = true)
    public Entry file(String operatorId, String scope, String path) {
        FilePath p = parse(path);
        FileStore.Row row = p.root() ? null : store.find(operatorId, scope, p.asFile()).orElse(null);
        if (row == null || row.directory()) {
            throw new ApiException(ErrorCode.FILE_NOT_FOUND, p.root() ? "/" : p.asFile());
        }
        return entry(row);
    }

    /** A directory's entries; the root always exists, another directory answers 404 until a file is put in it. */
    @Transactional(readOnly = true)
    public Paging.Page<Entry> list(String operatorId, String scope, String path, PageRequest page) {
        FilePath p = parse(path);
        if (!p.root() && store.find(operatorId, scope, p.asDirectory()).isEmpty()) {
            throw new ApiException(ErrorCode.FILE_NOT_FOUND, p.asDirectory());
        }
        return page(store.children(operatorId, scope, p.asDirectory()), Entry::filename, page);
    }

    /** The files whose path starts with {@code prefix} ({@code /} added in front when it has none). */
    @Transactional(readOnly = true)
    public Paging.Page<Entry> find(String operatorId, String scope, String prefix, PageRequest page) {
        String from = prefix == null ? "/" : prefix.startsWith("/") ? prefix : "/" + prefix;
        return page(store.filesStartingWith(operatorId, scope, SqlLike.literal(from)), Entry::filePath, page);
    }

    private Paging.Page<Entry> page(List<FileStore.Row> rows, Function<Entry, String> key, PageRequest page) {
        List<Entry> sorted = new ArrayList<>(rows.stream().map(HarvestFiles::entry).toList());
        sorted.sort(Comparator.comparing(key, UTF8_ORDER));
        List<Entry> after = page.after() == null ? sorted
                : sorted.stream().filter(e -> UTF8_ORDER.compare(key.apply(e), page.after()) > 0).toList();
        List<Entry> fetched = after.size() > page.fetchSize() ? after.subList(0, page.fetchSize()) : after;
        return Paging.Page.of(fetched, page, key);
    }

    /** The bytes behind a download URL (the URL is the credential, as a pre-signed URL). */
    @Transactional(readOnly = true)
    public Content download(String downloadId) {
        FileStore.Row row = store.byDownloadId(downloadId)
                .orElseThrow(() -> new ApiException(ErrorCode.FILE_NOT_FOUND, downloadId));
        return new Content(row.content() == null ? new byte[0] : row.content(), row.contentType(), row.etag());
    }

    // --- helpers ---

    private static Entry entry(FileStore.Row r) {
        return new Entry(r.filePath(), r.filename(), r.parent(), r.directory(), r.contentType(), r.contentLength(),
                r.etag(), r.createdAt(), r.modifiedAt(), r.downloadId());
    }

    /** The segments of a path as routed ({@code dir/a.txt}, {@code /} for the root), checked. */
    private static FilePath parse(String path) {
        List<String> segments = new ArrayList<>();
        if (path != null) {
            for (String s : path.split("/")) {
                if (s.isEmpty()) {
                    continue;
                }
                if (s.equals(".") || s.equals("..")) {
                    throw new ApiException(ErrorCode.INVALID_FILE_PATH, "'.' and '..' are not path segments");
                }
                if (s.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                    throw new ApiException(ErrorCode.INVALID_FILE_PATH, "control characters are not allowed");
                }
                segments.add(s);
            }
        }
        FilePath p = new FilePath(List.copyOf(segments));
        if (p.asDirectory().getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            throw new ApiException(ErrorCode.INVALID_FILE_PATH, "longer than " + MAX_PATH_BYTES + " bytes");
        }
        if (segments.size() > MAX_DIRECTORY_LEVELS + 1) {
            throw new ApiException(ErrorCode.INVALID_FILE_PATH, "more than " + MAX_DIRECTORY_LEVELS
                    + " levels of directories");
        }
        return p;
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
