package dev.soracommock.order;

import dev.soracommock.api.sandbox.ApiSandboxOrderApiDelegate;
import dev.soracommock.api.sandbox.model.SandboxShipOrderRequestDto;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.CurrentCaller;
import dev.soracommock.kernel.ErrorCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** API Sandbox: Order tag — ships a confirmed order of the caller's. */
@Component
class SandboxOrderApiImpl implements ApiSandboxOrderApiDelegate {

    private final OrderService orders;
    private final CurrentCaller caller;

    SandboxOrderApiImpl(OrderService orders, CurrentCaller caller) {
        this.orders = orders;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<Void> sandboxShipOrder(SandboxShipOrderRequestDto body) {
        String operatorId = caller.operatorId();
        if (body.getOperatorId() == null || !body.getOperatorId().equals(operatorId)) {
            throw new ApiException(ErrorCode.INVALID_OPERATOR_ID);
        }
        if (body.getOrderId() == null) {
            throw new ApiException(ErrorCode.SANDBOX_ORDER_NOT_FOUND);
        }
        orders.ship(operatorId, body.getOrderId());
        return ResponseEntity.ok().build();
    }
}
