package dev.soracommock.napter;

import dev.soracommock.api.soracom.model.NapterAuditLogDirectionDto;
import dev.soracommock.api.soracom.model.NapterAuditLogEntryDto;
import dev.soracommock.kernel.Paging;
import dev.soracommock.kernel.Paging.PageRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The Napter audit log as {@code GET /audit_logs/napter} answers it (served by the AuditLog tag's delegate). */
@Component
public class NapterAuditLog {

    private final NapterService napter;

    NapterAuditLog(NapterService napter) {
        this.napter = napter;
    }

    /** The operator's entries, newest first, of one IMSI when {@code imsi} is given, between from and to (ms). */
    public ResponseEntity<List<NapterAuditLogEntryDto>> answer(String operatorId, String imsi, Long from, Long to,
            PageRequest page) {
        return Paging.ok(napter.auditLog(operatorId, imsi, from, to, page), NapterAuditLog::dto, page);
    }

    static NapterAuditLogEntryDto dto(NapterAuditStore.Entry e) {
        NapterAuditLogDirectionDto direction = new NapterAuditLogDirectionDto().destinationIPAddress(e.destinationIp())
                .destinationPort(e.destinationPort() == null ? null : e.destinationPort().longValue())
                .sourceIPAddress(e.sourceIp()).sourcePort(e.sourcePort() == null ? null : e.sourcePort().longValue());
        return new NapterAuditLogEntryDto().connectionId(e.connectionId()).createdAt(e.createdAt()).direction(direction)
                .imsi(e.imsi()).operatorId(e.operatorId()).tls(e.tls())
                .type(NapterAuditLogEntryDto.TypeEnum.fromValue(e.type()));
    }
}
