package dev.soracommock.payment;

import dev.soracommock.api.soracom.PaymentApiDelegate;
import dev.soracommock.api.soracom.model.CouponResponseDto;
import dev.soracommock.api.soracom.model.GetPaymentMethodResultDto;
import dev.soracommock.api.soracom.model.ListCouponResponseDto;
import dev.soracommock.coverage.LeftToFallback;
import dev.soracommock.coverage.Limitation;
import dev.soracommock.operator.OperatorService;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.CurrentCaller;
import dev.soracommock.kernel.ErrorCode;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Payment tag: coupons and the payment method. The payment method is the dummy card sandbox init registers
 * ({@code registerPaymentMethod}, default true): WebPay, {@code errorCode} success, {@code updateDate} the operator's
 * sign-up time ({@code yyyyMMddHHmmss}, UTC). An operator without one gets 404 {@code PAY0002}.
 */
@LeftToFallback(operations = {"listPaymentStatements", "exportPaymentStatement", "getPaymentTransaction"},
        reason = "the emulator closes bills as paid without payment statements or transactions behind them")
@LeftToFallback(operations = {"getPayerInformation", "registerPayerInformation"},
        reason = "payer information only changes the name printed on payment statements, which are not emulated")
@LeftToFallback(operations = {"listVolumeDiscounts", "getVolumeDiscount"},
        reason = "long-term (volume) discounts are contracts priced per SIM fleet; the sandbox offers none to emulate")
@Component
class PaymentApiImpl implements PaymentApiDelegate {

    private final CouponService coupons;
    private final OperatorService operators;
    private final CurrentCaller caller;

    PaymentApiImpl(CouponService coupons, OperatorService operators, CurrentCaller caller) {
        this.coupons = coupons;
        this.operators = operators;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<ListCouponResponseDto> listCoupons() {
        return ResponseEntity.ok(new ListCouponResponseDto()
                .couponList(coupons.registered(caller.operatorId()).stream().map(CouponService::response).toList()));
    }

    @Override
    @Limitation("a sandbox coupon can be registered only by the operator that created it; another operator's code is refused like an unknown one")
    public ResponseEntity<CouponResponseDto> registerCoupon(String couponCode) {
        return ResponseEntity.ok(CouponService.response(coupons.register(caller.operatorId(), couponCode)));
    }

    @Override
    @Limitation("the dummy method of sandbox init, or the test card of the legacy POST /v1/payment_methods/webpay")
    public ResponseEntity<GetPaymentMethodResultDto> getPaymentMethod() {
        OperatorService.OperatorView op = operators.get(caller.operatorId());
        if (!op.paymentMethodRegistered()) {
            throw new ApiException(ErrorCode.PAYMENT_METHOD_NOT_FOUND);
        }
        return ResponseEntity.ok(new GetPaymentMethodResultDto()
                .providerType(GetPaymentMethodResultDto.ProviderTypeEnum.WEB_PAY)
                .errorCode(GetPaymentMethodResultDto.ErrorCodeEnum.SUCCESS)
                .updateDate(Commerce.DATE_TIME.format(Instant.ofEpochMilli(op.createdAt()))));
    }

    @Override
    public ResponseEntity<Object> activatePaymentMethod() {
        if (!operators.get(caller.operatorId()).paymentMethodRegistered()) {
            throw new ApiException(ErrorCode.PAYMENT_METHOD_NOT_FOUND);
        }
        return ResponseEntity.ok(Map.of());
    }
}
