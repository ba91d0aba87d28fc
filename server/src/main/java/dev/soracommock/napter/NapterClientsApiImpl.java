package dev.soracommock.napter;

import dev.soracommock.api.mock.NapterClientsApiDelegate;
import dev.soracommock.api.mock.model.NapterConnectionDto;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** {@code POST /_mock/port-mappings/{ip_address}/{port}/connections}: a client connects through a mapping. */
@Component
class NapterClientsApiImpl implements NapterClientsApiDelegate {

    private final NapterService napter;

    NapterClientsApiImpl(NapterService napter) {
        this.napter = napter;
    }

    @Override
    public ResponseEntity<List<Object>> simulateNapterConnection(String ipAddress, String port, NapterConnectionDto body) {
        NapterConnectionDto c = body == null ? new NapterConnectionDto() : body;
        var written = napter.connect(ipAddress, port, new NapterService.Connection(c.getSourceIpAddress(),
                c.getSourcePort(), Boolean.TRUE.equals(c.getRefused()), !Boolean.FALSE.equals(c.getClose())));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(written.stream().map(e -> (Object) NapterAuditLog.dto(e)).toList());
    }
}
