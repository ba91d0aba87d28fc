package dev.soracommock.fault;

import dev.soracommock.api.mock.FaultsApiDelegate;
import dev.soracommock.api.mock.model.FaultDto;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** {@code /_mock/faults}: add, list and remove injected faults. */
@Component
class FaultsApiImpl implements FaultsApiDelegate {

    private final FaultService faults;

    FaultsApiImpl(FaultService faults) {
        this.faults = faults;
    }

    @Override
    public ResponseEntity<FaultDto> createFault(FaultDto body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(faults.add(body));
    }

    @Override
    public ResponseEntity<List<FaultDto>> listFaults() {
        return ResponseEntity.ok(faults.list());
    }

    @Override
    public ResponseEntity<Void> deleteFaults() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<Void> deleteFault(String faultId) {
        if (!faults.delete(faultId)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "DELETE", "/_mock/faults/" + faultId);
        }
        return ResponseEntity.noContent().build();
    }
}
