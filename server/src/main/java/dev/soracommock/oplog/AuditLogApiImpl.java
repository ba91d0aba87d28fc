package dev.soracommock.oplog;

import dev.soracommock.api.soracom.AuditLogApiDelegate;
import dev.soracommock.api.soracom.model.APIAuditLogEntryDto;
import dev.soracommock.api.soracom.model.NapterAuditLogEntryDto;
import dev.soracommock.coverage.Limitation;
import dev.soracommock.kernel.CurrentCaller;
import dev.soracommock.kernel.Paging;
import dev.soracommock.kernel.Paging.PageRequest;
import dev.soracommock.napter.NapterAuditLog;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The API audit log, and the Napter audit log kept by {@code napter/} (tag AuditLog). */
@Component
class AuditLogApiImpl implements AuditLogApiDelegate {

    /** The contract's maximum page. */
    static final int MAX_LIMIT = 1000;

    private final OperatorLogService logs;
    private final NapterAuditLog napter;
    private final CurrentCaller caller;

    AuditLogApiImpl(OperatorLogService logs, NapterAuditLog napter, CurrentCaller caller) {
        this.logs = logs;
        this.napter = napter;
        this.caller = caller;
    }

    @Override
    @Limitation("Every /v1 call made with accepted credentials is listed, refused ones included (written before the"
            + " later steps and the handler run); a SAM user's call its permissions refuse is not [UNKNOWN]."
            + " userName is the SAM user's name, \"root\" for the operator's root credentials [UNKNOWN: the real value"
            + " for root]. apiKind is /v1/ and the path's first segment (/v1/subscribers for"
            + " /v1/subscribers/{imsi}/tags), and api_kind matches it exactly [UNKNOWN: the real kinds]."
            + " remoteIpAddress is the address of the emulator's client. The status of the answer is not kept (the"
            + " contract's entry has no such field). The operator's newest 10,000 calls are kept [UNKNOWN: the real"
            + " retention]. Without a limit every entry is answered.")
    public ResponseEntity<List<APIAuditLogEntryDto>> getApiAuditLogs(String apiKind, Long fromEpochMs, Long toEpochMs,
            Integer limit, String lastEvaluatedKey) {
        PageRequest page = PageRequest.of(limit, lastEvaluatedKey, MAX_LIMIT);
        var found = logs.auditLog(caller.operatorId(), apiKind, fromEpochMs, toEpochMs, page);
        return Paging.ok(found, r -> new APIAuditLogEntryDto().operatorId(r.operatorId()).userName(r.userName())
                .apiKind(r.apiKind()).requestPath(r.requestPath()).remoteIpAddress(r.remoteIp())
                .requestedTimeEpochMs(r.time()), page);
    }

    @Override
    @Limitation("Entries are the port mappings' CREATED, DELETED and EXPIRED (dated at the mapping's expiry, listed"
            + " once the emulator's clock gets there), and the connections simulated with"
            + " POST /_mock/port-mappings/{ip_address}/{port}/connections (ACCESS, CONNECTED, CLOSED, or DENIED when the"
            + " source is outside source.ipRanges, REFUSED when the test says the device refused); no client can"
            + " connect for real [UNKNOWN: which entries the real log holds for mapping changes]. resource_type is"
            + " Subscriber and resource_id an IMSI; from/to are epoch milliseconds, inclusive. Without a limit every"
            + " entry is answered.")
    public ResponseEntity<List<NapterAuditLogEntryDto>> getNapterAuditLogs(String resourceType, String resourceId,
            Long from, Long to, Integer limit, String lastEvaluatedKey) {
        return napter.answer(caller.operatorId(), resourceId, from, to, PageRequest.of(limit, lastEvaluatedKey, MAX_LIMIT));
    }
}
