package dev.soracommock.billing;

import dev.soracommock.payment.CouponService;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Tells the payment domain what its coupons have left once the bills have spent them (shown by GET /coupons). */
@Component
class CouponBalances implements CouponService.Spending {

    private final BillingService billing;

    CouponBalances(BillingService billing) {
        this.billing = billing;
    }

    @Override
    public Map<String, BigDecimal> balances(String operatorId) {
        return billing.couponBalances(operatorId, billing.now());
    }
}
