package dev.soracommock.files;

import dev.soracommock.api.soracom.FileEntryApiDelegate;
import dev.soracommock.api.soracom.model.FileEntryDto;
import dev.soracommock.coverage.Limitation;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.CurrentCaller;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.Paging;
import dev.soracommock.kernel.Paging.PageRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** FileEntry tag: Harvest Files of the caller's operator ({@link HarvestFiles}). */
@Component
class FileEntryApiImpl implements FileEntryApiDelegate {

    /** The contract's maximum of {@code limit} is not stated; lists are cut at this many. */
    static final int MAX_LIMIT = 1000;

    private final HarvestFiles files;
    private final CurrentCaller caller;

    FileEntryApiImpl(HarvestFiles files, CurrentCaller caller) {
        this.files = files;
        this.caller = caller;
    }

    @Override
    @Limitation("a file is at most SORACOM_MOCK_MAX_BODY_BYTES (10 MiB by default; 413 COM0005 beyond) where the real"
            + " service takes 5 GiB; a path over 1,024 bytes or 16 directory levels, or with a '.'/'..' segment, is 400"
            + " MCK0303 (the real codes are [UNKNOWN]); no Content-Type keeps the file as application/octet-stream"
            + " ([UNKNOWN]); every missing ancestor directory is created and the parent's lastModifiedTime moves")
    public ResponseEntity<Void> putFile(String scope, String path, Resource body, String contentType) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.getContentAsByteArray();
        } catch (IOException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "unreadable body: body");
        }
        boolean created = files.put(caller.operatorId(), scope, path, bytes, contentType);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).build();
    }

    @Override
    @Limitation("redirects (302) to the emulator's own download URL, /_mock/file-downloads/{id}, which serves the bytes"
            + " with the file's content type to anyone holding it, like the real pre-signed URL (which does not expire"
            + " here)")
    public ResponseEntity<Void> getFile(String scope, String path) {
        HarvestFiles.Entry e = files.file(caller.operatorId(), scope, path);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/_mock/file-downloads/{id}")
                .buildAndExpand(e.downloadId()).toUri();
        return ResponseEntity.status(HttpStatus.FOUND).location(location).build();
    }

    @Override
    @Limitation("the ETag header is the MD5 of the bytes in quotes (the listed etag is the same 32 hex digits without)")
    public ResponseEntity<Void> getFileMetadata(String scope, String path) {
        HarvestFiles.Entry e = files.file(caller.operatorId(), scope, path);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, e.contentType());
        headers.setContentLength(e.contentLength() == null ? 0 : e.contentLength());
        headers.setETag("\"" + e.etag() + "\"");
        return ResponseEntity.ok().headers(headers).build();
    }

    @Override
    @Limitation("a directory exists once a file was put under it and stays when its files are deleted, until"
            + " deleteDirectory removes it ([UNKNOWN] whether the real service keeps empty directories); nothing is"
            + " ever in the public scope, whose root lists []")
    public ResponseEntity<List<FileEntryDto>> listFiles(String scope, String path, Integer limit,
            String lastEvaluatedKey) {
        PageRequest page = PageRequest.of(limit == null ? 10 : limit, lastEvaluatedKey, MAX_LIMIT);
        return Paging.ok(files.list(caller.operatorId(), scope, path, page), FileEntryApiImpl::dto, page);
    }

    @Override
    @Limitation("finds files only, not directories ([UNKNOWN]); a prefix without a leading '/' is taken with one")
    public ResponseEntity<List<FileEntryDto>> findFiles(String scope, String prefix, Integer limit,
            String lastEvaluatedKey) {
        PageRequest page = PageRequest.of(limit == null ? 10 : limit, lastEvaluatedKey, MAX_LIMIT);
        return Paging.ok(files.find(caller.operatorId(), scope, prefix, page), FileEntryApiImpl::dto, page);
    }

    @Override
    public ResponseEntity<Void> deleteFile(String scope, String path) {
        files.deleteFile(caller.operatorId(), scope, path);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<Void> deleteDirectory(String scope, String path) {
        files.deleteDirectory(caller.operatorId(), scope, path);
        return ResponseEntity.noContent().build();
    }

    /** As the real service lists (soracom-dataplane-facts §2.3): no {@code directory}; a directory has no content. */
    static FileEntryDto dto(HarvestFiles.Entry e) {
        FileEntryDto d = new FileEntryDto().filePath(e.filePath()).filename(e.filename()).isDirectory(e.isDirectory())
                .createdTime(e.createdTime()).lastModifiedTime(e.lastModifiedTime());
        if (!e.isDirectory()) {
            d.contentType(e.contentType()).contentLength(e.contentLength()).etag(e.etag());
        }
        return d;
    }
}
