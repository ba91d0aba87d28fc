package dev.soracommock.payment;

import dev.soracommock.api.sandbox.ApiSandboxCouponApiDelegate;
import dev.soracommock.api.sandbox.model.SandboxCreateCouponRequestDto;
import dev.soracommock.api.sandbox.model.SandboxCreateCouponResponseDto;
import dev.soracommock.kernel.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** API Sandbox: Coupon tag — creates an unregistered coupon of the caller's. */
@Component
class SandboxCouponApiImpl implements ApiSandboxCouponApiDelegate {

    private final CouponService coupons;
    private final CurrentCaller caller;

    SandboxCouponApiImpl(CouponService coupons, CurrentCaller caller) {
        this.coupons = coupons;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<SandboxCreateCouponResponseDto> sandboxCreateCoupon(SandboxCreateCouponRequestDto body) {
        CouponService.Coupon c = coupons.createSandboxCoupon(caller.operatorId(), body.getAmount(),
                body.getApplicableBillItemName() == null ? null : body.getApplicableBillItemName().getValue(),
                body.getExpiryYearMonth());
        return ResponseEntity.ok(new SandboxCreateCouponResponseDto().couponCode(c.couponCode()).amount(c.amount().doubleValue())
                .balance(c.balance().doubleValue()).billItemName(c.billItemName()).expiryYearMonth(c.expiryYearMonth()));
    }
}
