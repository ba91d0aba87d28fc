package dev.soracommock.oplog;

import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.Caller;
import dev.soracommock.kernel.OperatorLogEntry;
import dev.soracommock.kernel.Paging.Page;
import dev.soracommock.kernel.Paging.PageRequest;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules of the operator's error log and API audit log: what is kept, for how long, and how it is read.
 *
 * <p>Error log: every {@link OperatorLogEntry} published by a domain is stored in a transaction of its own (so that
 * the failure it reports stays logged when the publisher's own transaction is rolled back) and answered for
 * {@value #ERROR_LOG_RETENTION_DAYS} days on the emulator's clock. API audit log: one row per call, the operator's
 * newest {@value #AUDIT_ENTRIES_KEPT} kept (checked every {@value #PRUNE_EVERY} calls), written behind the
 * requests by the {@link ApiAuditWriter}.
 */
@Service
public class OperatorLogService {

    static final int ERROR_LOG_RETENTION_DAYS = 14;
    static final int AUDIT_ENTRIES_KEPT = 10_000;
    static final int PRUNE_EVERY = 2_000;

    private static final Logger log = LoggerFactory.getLogger(OperatorLogService.class);

    private final ErrorLogStore errors;
    private final ApiAuditStore audit;
    private final MockClock clock;
    private final JsonMapper json;
    private final TransactionTemplate ownTransaction;
    private final ApiAuditWriter writer;

    OperatorLogService(ErrorLogStore errors, ApiAuditStore audit, ApiAuditWriter writer, MockClock clock,
            JsonMapper json, PlatformTransactionManager transactions) {
        this.errors = errors;
        this.audit = audit;
        this.writer = writer;
        this.clock = clock;
        this.json = json;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // --- the error log ---

    /** Stores a published entry; an entry that cannot be stored (its operator is gone) is dropped, never thrown. */
    @EventListener
    void onLogEntry(OperatorLogEntry entry) {
        if (entry.operatorId() == null) {
            return;
        }
        try {
            String body = json.writeValueAsString(entry.body() == null ? Map.of() : entry.body());
            String level = entry.logLevel() == null ? "error" : entry.logLevel();
            ownTransaction.executeWithoutResult(s -> errors.add(entry.operatorId(), entry.resourceType(),
                    entry.resourceId(), entry.service(), level, body, entry.timeMillis()));
        } catch (RuntimeException e) {
            log.warn("error log entry of operator {} not stored: {}", entry.operatorId(), e.toString());
        }
    }

    /** The operator's error log, newest first, as far back as the retention goes. */
    Page<ErrorLogStore.Row> errorLog(String operatorId, ErrorLogStore.Filter filter, PageRequest page) {
        long oldest = clock.nowMillis() - Duration.ofDays(ERROR_LOG_RETENTION_DAYS).toMillis();
        return Page.of(errors.page(operatorId, filter, oldest, LogKey.parse(page.after()), page),
                page, r -> r.key().toString());
    }

    // --- the API audit log ---

    /**
     * Writes a call of the operator's API: {@code userName} is the SAM user's name, {@code root} for the operator's
     * root credentials; {@code apiKind} is {@code /v1/} and the path's first segment.
     */
    void recordCall(Caller caller, String method, String path, String remoteIp) {
        String user = caller.isRoot() ? "root" : caller.userName();
        writer.add(new ApiAuditWriter.Call(caller.operatorId(), user, apiKind(path), method, path, remoteIp,
                clock.nowMillis()));
    }

    /** {@code /v1/subscribers/001/tags} → {@code /v1/subscribers}. */
    static String apiKind(String path) {
        int start = "/v1/".length();
        int end = path.indexOf('/', start);
        return end < 0 ? path : path.substring(0, end);
    }

    Page<ApiAuditStore.Row> auditLog(String operatorId, String apiKind, Long from, Long to, PageRequest page) {
        writer.flush(); // every call made before this read is in the table
        return Page.of(audit.page(operatorId, apiKind, from, to, LogKey.parse(page.after()), page), page,
                r -> r.key().toString());
    }
}
