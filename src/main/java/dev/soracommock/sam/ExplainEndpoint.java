package dev.soracommock.sam;

import dev.soracommock.contract.Operations;
import dev.soracommock.web.ApiException;
import dev.soracommock.web.ErrorCode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /_mock/operators/{operatorId}/users/{userName}/explain?api=Subscriber:listSubscribers} (or
 * {@code ?operationId=listSubscribers}): which statement allows or denies the user's call, so least-privilege
 * policies can be tested offline. A test tool of the emulator: not part of the Soracom contract.
 */
@RestController
class ExplainEndpoint {

    private final SamService sam;
    private final Operations operations;

    ExplainEndpoint(SamService sam, Operations operations) {
        this.sam = sam;
        this.operations = operations;
    }

    @GetMapping("/_mock/operators/{operatorId}/users/{userName}/explain")
    SamService.Explanation explain(@PathVariable String operatorId, @PathVariable String userName,
            @RequestParam(required = false) String api, @RequestParam(required = false) String operationId) {
        String name = api;
        if (name == null && operationId != null) {
            name = operations.byId(operationId).map(e -> e.spec().samApiName())
                    .orElseThrow(() -> new ApiException(ErrorCode.VALIDATION_FAILED, "unknown operationId:" + operationId));
        }
        if (name == null || name.isBlank()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "api or operationId is required");
        }
        return sam.explain(operatorId, userName, name);
    }
}
