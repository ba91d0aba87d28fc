package dev.soracommock.payment;

import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.Identifiers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** What orders of products and coupon purchases share: order IDs, the consumption tax, the date-time format. */
public final class Commerce {

    /** Japanese consumption tax, rounded down to the yen. */
    public static final BigDecimal TAX_RATE = new BigDecimal("0.10");

    /** {@code orderDateTime}, {@code shippingDateTime}, {@code updateDate}: {@code yyyyMMddHHmmss}, UTC. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter ORDER_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    private Commerce() {
    }

    /** {@code yyyyMMddHHmmssSSS_} + 8 hex digits, the form of the real order IDs, at the emulator's time. */
    public static String orderId(MockClock clock, Identifiers ids) {
        return ORDER_ID_TIME.format(clock.instant()) + "_" + HexFormat.of().formatHex(ids.bytes(4));
    }

    public static BigDecimal tax(BigDecimal amount) {
        return amount.multiply(TAX_RATE).setScale(0, RoundingMode.DOWN);
    }

    public static BigDecimal withTax(BigDecimal amount) {
        return amount.add(tax(amount));
    }
}
