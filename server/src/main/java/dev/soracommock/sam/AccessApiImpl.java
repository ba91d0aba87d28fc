package dev.soracommock.sam;

import dev.soracommock.api.mock.AccessApiDelegate;
import dev.soracommock.contract.Operations;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * {@code GET /_mock/operators/{operatorId}/users/{userName}/explain?api=Subscriber:listSubscribers} (or
 * {@code ?operationId=listSubscribers}): which statement allows or denies the user's call, so least-privilege
 * policies can be tested offline. Part of the control API (openapi/mock-admin.yaml), not of Soracom's.
 */
@Component
class AccessApiImpl implements AccessApiDelegate {

    private final SamService sam;
    private final Operations operations;

    AccessApiImpl(SamService sam, Operations operations) {
        this.sam = sam;
        this.operations = operations;
    }

    @Override
    public ResponseEntity<Object> explainAccess(String operatorId, String userName, String api,
            String operationId) {
        String name = api;
        if (name == null && operationId != null) {
            name = operations.byId(operationId).map(e -> e.spec().samApiName())
                    .orElseThrow(() -> new ApiException(ErrorCode.VALIDATION_FAILED, "unknown operationId:" + operationId));
        }
        if (name == null || name.isBlank()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "api or operationId is required");
        }
        return ResponseEntity.ok(sam.explain(operatorId, userName, name));
    }
}
