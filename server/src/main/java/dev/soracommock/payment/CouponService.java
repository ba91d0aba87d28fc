package dev.soracommock.payment;

import dev.soracommock.api.soracom.model.CouponResponseDto;
import dev.soracommock.api.soracom.model.EstimatedCouponModelDto;
import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.Identifiers;
import dev.soracommock.operator.OperatorService;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CouponService of an operator. A sandbox-created coupon belongs to the operator that created it and is unregistered
 * until that operator registers its code (another operator's code is refused like an unknown one: tenant
 * isolation); a bought coupon (quotation, then confirmation) is registered at once. Listing shows the registered
 * ones, with the balance the bills have left them (billing spends them). Months are the MockClock's, in UTC.
 */
@Service
public class CouponService {

    static final DateTimeFormatter YEAR_MONTH = DateTimeFormatter.ofPattern("uuuuMM").withResolverStyle(ResolverStyle.STRICT);
    /** Bought coupons are valid until the end of the twelfth month after the purchase. */
    static final int PURCHASED_VALIDITY_MONTHS = 12;
    static final List<String> BILL_ITEMS = List.of("dailyDataTrafficChargeTotal", "dailyChargeTotal", "dailySoracomBeamRequestChargeTotal");

    /** A coupon as stored. */
    public record Coupon(String couponCode, BigDecimal amount, BigDecimal balance, String billItemName, String currency,
            String expiryYearMonth, String orderId, boolean registered) {
    }

    /** What the bills have left of each registered coupon (the billing domain; looked up lazily, it reads coupons). */
    public interface Spending {
        Map<String, BigDecimal> balances(String operatorId);
    }

    private final JdbcTemplate jdbc;
    private final OperatorService operators;
    private final Identifiers ids;
    private final MockClock clock;
    private final ObjectProvider<Spending> spending;

    CouponService(JdbcTemplate jdbc, OperatorService operators, Identifiers ids, MockClock clock, ObjectProvider<Spending> spending) {
        this.jdbc = jdbc;
        this.operators = operators;
        this.ids = ids;
        this.clock = clock;
        this.spending = spending;
    }

    private YearMonth thisMonth() {
        return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
    }

    /** The sandbox's coupon: amount > 0, a known bill item, an expiry month that is not in the past. */
    @Transactional
    Coupon createSandboxCoupon(String operatorId, Integer amount, String billItemName, String expiryYearMonth) {
        if (amount == null || amount <= 0) {
            throw new ApiException(ErrorCode.SANDBOX_BAD_REQUEST, "amount must be greater than 0.");
        }
        if (billItemName == null || !BILL_ITEMS.contains(billItemName)) {
            throw new ApiException(ErrorCode.SANDBOX_BAD_REQUEST, "applicableBillItemName must be one of " + BILL_ITEMS + ".");
        }
        YearMonth expiry;
        try {
            expiry = expiryYearMonth == null ? null : YearMonth.parse(expiryYearMonth, YEAR_MONTH);
        } catch (DateTimeParseException e) {
            expiry = null;
        }
        if (expiry == null) {
            throw new ApiException(ErrorCode.SANDBOX_BAD_REQUEST, "expiryYearMonth must be yyyyMM.");
        }
        if (expiry.isBefore(thisMonth())) {
            throw new ApiException(ErrorCode.SANDBOX_BAD_REQUEST, "expiryYearMonth must not be in the past.");
        }
        return insert(operatorId, BigDecimal.valueOf(amount), billItemName, expiryYearMonth, null, false);
    }

    private Coupon insert(String operatorId, BigDecimal amount, String billItemName, String expiryYearMonth, String orderId,
            boolean registered) {
        String code;
        do {
            code = "COUPON-" + ids.alphanumeric(12).toUpperCase(Locale.ROOT);
            // coupon codes are unique across operators: the one look-up not scoped to an operator
        } while (jdbc.queryForObject("select count(*) from coupon where coupon_code = ?", Integer.class, code) > 0);
        long now = clock.nowMillis();
        jdbc.update("insert into coupon (operator_id, coupon_code, amount, balance, bill_item_name, currency, expiry_year_month, order_id, registered, created_at, registered_at) "
                        + "values (?, ?, ?, ?, ?, 'JPY', ?, ?, ?, ?, ?)",
                operatorId, code, amount, amount, billItemName, expiryYearMonth, orderId, registered, now, registered ? now : null);
        return new Coupon(code, amount, amount, billItemName, "JPY", expiryYearMonth, orderId, registered);
    }

    @Transactional(readOnly = true)
    Optional<Coupon> find(String operatorId, String couponCode) {
        return jdbc.query("select coupon_code, amount, balance, bill_item_name, currency, expiry_year_month, order_id, registered "
                        + "from coupon where operator_id = ? and coupon_code = ?",
                (rs, i) -> new Coupon(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getBoolean(8)), operatorId, couponCode).stream().findFirst();
    }

    /** Registers an unregistered, unexpired coupon of the caller's; anything else is the real API's one 400. */
    @Transactional
    Coupon register(String operatorId, String couponCode) {
        Coupon c = find(operatorId, couponCode).orElseThrow(() -> new ApiException(ErrorCode.COUPON_INVALID));
        if (c.registered() || YearMonth.parse(c.expiryYearMonth(), YEAR_MONTH).isBefore(thisMonth())) {
            throw new ApiException(ErrorCode.COUPON_INVALID);
        }
        jdbc.update("update coupon set registered = true, registered_at = ? where operator_id = ? and coupon_code = ?",
                clock.nowMillis(), operatorId, couponCode);
        return new Coupon(c.couponCode(), c.amount(), c.balance(), c.billItemName(), c.currency(), c.expiryYearMonth(), c.orderId(), true);
    }

    /** The registered coupons, each with what the bills up to now (the running month included) have left of it. */
    @Transactional(readOnly = true)
    List<Coupon> registered(String operatorId) {
        Spending s = spending.getIfAvailable();
        Map<String, BigDecimal> left = s == null ? Map.of() : s.balances(operatorId);
        return stored(operatorId).stream().map(c -> new Coupon(c.couponCode(), c.amount(),
                left.getOrDefault(c.couponCode(), c.balance()), c.billItemName(), c.currency(), c.expiryYearMonth(),
                c.orderId(), c.registered())).toList();
    }

    private List<Coupon> stored(String operatorId) {
        return jdbc.query("select coupon_code, amount, balance, bill_item_name, currency, expiry_year_month, order_id, registered "
                        + "from coupon where operator_id = ? and registered order by created_at, coupon_code",
                (rs, i) -> new Coupon(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getBoolean(8)), operatorId);
    }

    /** A registered coupon as billing applies it: from its registration month to its expiry month. */
    public record BillingCoupon(String couponCode, BigDecimal amount, String billItemName, YearMonth registeredMonth,
            YearMonth expiryMonth, long registeredAt) {
    }

    /** The operator's registered coupons, for billing (which spends them; the stored balance is the initial one). */
    @Transactional(readOnly = true)
    public List<BillingCoupon> registeredForBilling(String operatorId) {
        return jdbc.query("select coupon_code, amount, bill_item_name, expiry_year_month, coalesce(registered_at, created_at) "
                        + "from coupon where operator_id = ? and registered order by coupon_code",
                (rs, i) -> new BillingCoupon(rs.getString(1), rs.getBigDecimal(2), rs.getString(3),
                        YearMonth.from(Instant.ofEpochMilli(rs.getLong(5)).atZone(ZoneOffset.UTC)),
                        YearMonth.parse(rs.getString(4), YEAR_MONTH), rs.getLong(5)), operatorId);
    }

    // --- purchases (Order tag) ---

    /** Quotation of a coupon purchase: amount, 10 % tax, total; the coupon would expire 12 months later. */
    @Transactional
    public EstimatedCouponModelDto quote(String operatorId, Double amount) {
        if (amount == null || !(amount > 0)) {
            throw new ApiException(ErrorCode.INVALID_COUPON_AMOUNT);
        }
        BigDecimal value = BigDecimal.valueOf(amount);
        BigDecimal tax = Commerce.tax(value);
        BigDecimal total = value.add(tax);
        String orderId = Commerce.orderId(clock, ids);
        String expiry = thisMonth().plusMonths(PURCHASED_VALIDITY_MONTHS).format(YEAR_MONTH);
        jdbc.update("insert into coupon_order (operator_id, order_id, amount, tax_amount, total_amount, currency, expiry_year_month, created_at) "
                + "values (?, ?, ?, ?, ?, 'JPY', ?, ?)", operatorId, orderId, value, tax, total, expiry, clock.nowMillis());
        return new EstimatedCouponModelDto().orderId(orderId).amount(value.doubleValue()).taxAmount(tax.doubleValue())
                .totalAmount(total.doubleValue()).currency(EstimatedCouponModelDto.CurrencyEnum.JPY).expiryYearMonth(expiry);
    }

    /** Confirms a coupon purchase (once, with a payment method): the coupon is the caller's, registered. */
    @Transactional
    public CouponResponseDto confirmPurchase(String operatorId, String orderId) {
        record Quote(BigDecimal amount, String expiry, String couponCode) {
        }
        Quote q = jdbc.query("select amount, expiry_year_month, coupon_code from coupon_order where operator_id = ? and order_id = ?",
                        (rs, i) -> new Quote(rs.getBigDecimal(1), rs.getString(2), rs.getString(3)), operatorId, orderId)
                .stream().findFirst().orElseThrow(() -> new ApiException(ErrorCode.COUPON_ORDER_NOT_FOUND));
        if (q.couponCode() != null) {
            throw new ApiException(ErrorCode.COUPON_ORDER_CONFIRMED);
        }
        if (!operators.get(operatorId).paymentMethodRegistered()) {
            throw new ApiException(ErrorCode.PAYMENT_METHOD_REQUIRED);
        }
        Coupon c = insert(operatorId, q.amount(), null, q.expiry(), orderId, true);
        jdbc.update("update coupon_order set coupon_code = ? where operator_id = ? and order_id = ?", c.couponCode(), operatorId, orderId);
        return response(c);
    }

    static CouponResponseDto response(Coupon c) {
        return new CouponResponseDto().couponCode(c.couponCode()).amount(c.amount().doubleValue()).balance(c.balance().doubleValue())
                .billItemName(c.billItemName()).currency(CouponResponseDto.CurrencyEnum.fromValue(c.currency()))
                .expiryYearMonth(c.expiryYearMonth()).orderId(c.orderId());
    }
}
