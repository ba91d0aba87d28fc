package dev.soracommock.soralet;

import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.Paging;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of soralets: IDs, the limits of Orbit (facts §1.5: 20 soralets per operator, 10 versions each, modules of
 * at most 4 MiB), version numbers (1, 2, … per soralet, never reused) and logs. Every method takes the operator first.
 */
@Service
public class SoraletService {

    static final int MAX_SORALETS = 20;
    static final int MAX_VERSIONS = 10;
    static final int MAX_CODE_BYTES = 4_194_304;
    static final int MAX_LIMIT = 100;
    /** Orbit keeps at most 64 KiB of log per call (facts §1.2). */
    static final int MAX_LOG_BYTES = 65_536;
    /** {@code $LATEST}: the newest version. */
    public static final String LATEST = "$LATEST";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final SoraletStore store;
    private final MockClock clock;
    private final ModuleCache modules;

    SoraletService(SoraletStore store, MockClock clock, ModuleCache modules) {
        this.store = store;
        this.clock = clock;
        this.modules = modules;
    }

    // --- soralets ---

    @Transactional
    SoraletStore.SoraletRow create(String operatorId, String soraletId, String description) {
        if (soraletId == null || !ID.matcher(soraletId).matches()) {
            throw new ApiException(ErrorCode.SORALET_INVALID_ID);
        }
        if (store.find(operatorId, soraletId).isPresent()) {
            throw new ApiException(ErrorCode.SORALET_ALREADY_EXISTS, soraletId);
        }
        if (store.count(operatorId) >= MAX_SORALETS) {
            throw new ApiException(ErrorCode.SORALET_LIMIT_EXCEEDED, MAX_SORALETS);
        }
        long now = clock.nowMillis();
        SoraletStore.SoraletRow row = new SoraletStore.SoraletRow(operatorId, soraletId, description, now, now);
        store.insert(row);
        return row;
    }

    @Transactional(readOnly = true)
    SoraletStore.SoraletRow get(String operatorId, String soraletId) {
        return store.find(operatorId, soraletId)
                .orElseThrow(() -> new ApiException(ErrorCode.SORALET_NOT_FOUND, soraletId));
    }

    @Transactional(readOnly = true)
    Paging.Page<SoraletStore.SoraletRow> list(String operatorId, boolean ascending, Paging.PageRequest page) {
        return Paging.Page.of(store.page(operatorId, ascending, page.after(), page.fetchSize()), page,
                SoraletStore.SoraletRow::soraletId);
    }

    @Transactional
    void delete(String operatorId, String soraletId) {
        lock(operatorId, soraletId);
        store.delete(operatorId, soraletId);
        modules.forget(operatorId, soraletId);
    }

    // --- versions ---

    @Transactional
    SoraletStore.VersionRow upload(String operatorId, String soraletId, byte[] code) {
        lock(operatorId, soraletId);
        if (code.length > MAX_CODE_BYTES) {
            throw new ApiException(ErrorCode.SORALET_CODE_TOO_LARGE, code.length, MAX_CODE_BYTES);
        }
        modules.check(code);
        if (store.countVersions(operatorId, soraletId) >= MAX_VERSIONS) {
            throw new ApiException(ErrorCode.SORALET_TOO_MANY_VERSIONS, MAX_VERSIONS);
        }
        long now = clock.nowMillis();
        long version = store.nextVersion(operatorId, soraletId, now);
        SoraletStore.VersionRow row = new SoraletStore.VersionRow(operatorId, soraletId, version, code.length,
                sha256(code), now);
        store.insertVersion(row, code);
        return row;
    }

    @Transactional(readOnly = true)
    Paging.Page<SoraletStore.VersionRow> versions(String operatorId, String soraletId, boolean ascending,
            Paging.PageRequest page) {
        get(operatorId, soraletId);
        return Paging.Page.of(store.versionPage(operatorId, soraletId, ascending, numericKey(page.after()),
                page.fetchSize()), page, v -> Long.toString(v.version()));
    }

    @Transactional
    void deleteVersion(String operatorId, String soraletId, long version) {
        lock(operatorId, soraletId);
        if (!store.deleteVersion(operatorId, soraletId, version)) {
            throw new ApiException(ErrorCode.SORALET_VERSION_NOT_FOUND, soraletId, version);
        }
        modules.forget(operatorId, soraletId);
    }

    /** A version, {@code version} being a number or {@link #LATEST}. */
    @Transactional(readOnly = true)
    SoraletStore.VersionRow resolve(String operatorId, String soraletId, String version) {
        get(operatorId, soraletId);
        if (LATEST.equals(version)) {
            return store.latestVersion(operatorId, soraletId)
                    .orElseThrow(() -> new ApiException(ErrorCode.SORALET_VERSION_NOT_FOUND, soraletId, version));
        }
        long n;
        try {
            n = Long.parseLong(version == null ? "" : version.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "version must be a version number or $LATEST:version");
        }
        return store.findVersion(operatorId, soraletId, n)
                .orElseThrow(() -> new ApiException(ErrorCode.SORALET_VERSION_NOT_FOUND, soraletId, version));
    }

    @Transactional(readOnly = true)
    byte[] code(SoraletStore.VersionRow v) {
        return store.code(v.operatorId(), v.soraletId(), v.version());
    }

    // --- logs ---

    /** How long logs are answered, on the emulator's clock (Orbit keeps them 7 days). */
    static final java.time.Duration LOG_RETENTION = java.time.Duration.ofDays(7);

    /** Keeps what one run logged as one log entry (nothing when it logged nothing); cut to {@link #MAX_LOG_BYTES}. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    void log(String operatorId, String soraletId, long version, List<String> messages) {
        if (messages.isEmpty() || store.find(operatorId, soraletId).isEmpty()) {
            return;
        }
        String message = String.join("\n", messages);
        byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > MAX_LOG_BYTES) {
            message = new String(utf8, 0, MAX_LOG_BYTES, StandardCharsets.UTF_8);
        }
        store.insertLog(operatorId, soraletId, version, message, clock.nowMillis());
    }

    @Transactional(readOnly = true)
    Paging.Page<SoraletStore.LogRow> logs(String operatorId, String soraletId, boolean ascending, Paging.PageRequest page) {
        get(operatorId, soraletId);
        long since = clock.nowMillis() - LOG_RETENTION.toMillis();
        return Paging.Page.of(store.logPage(operatorId, soraletId, since, ascending, numericKey(page.after()), page.fetchSize()),
                page, l -> Long.toString(l.logId()));
    }

    static String srn(String operatorId, String soraletId, long version) {
        return "srn:soracom:" + operatorId + ":jp:Soralet:" + soraletId + "/" + version;
    }

    private void lock(String operatorId, String soraletId) {
        store.lock(operatorId, soraletId).orElseThrow(() -> new ApiException(ErrorCode.SORALET_NOT_FOUND, soraletId));
    }

    private static Long numericKey(String key) {
        if (key == null) {
            return null;
        }
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "last_evaluated_key is not a key this list gave:last_evaluated_key");
        }
    }

    private static String sha256(byte[] code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
