package dev.soracommock.billing;

import dev.soracommock.clock.MockClock;
import dev.soracommock.export.Csv;
import dev.soracommock.operator.OperatorService;
import dev.soracommock.payment.CouponService;
import dev.soracommock.stats.StatsService;
import dev.soracommock.subscriber.SimService;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bills computed on read from the emulator's own state (nothing is stored): for each month, the basic fee of every
 * SIM for every UTC day by the status it had (the dearest status held that day), the Air data fee of its traffic by
 * speed class, the Beam fee of its requests (prices: {@link PriceTable}), less the registered coupons. The month of
 * the MockClock is a running bill ({@code temporary}) counted up to the clock's day; every month before it is
 * {@code closed}. Months are UTC.
 *
 * <p>CouponService: a registered coupon applies to the months from its registration month to its expiry month. Each month,
 * coupons are spent in order of expiry (a coupon for a bill item before a coupon for the whole bill on the same
 * expiry, then in order of registration): one for a bill item up to what is left of that item, one without an item up
 * to what is left of the whole bill, never below zero; what a coupon has left carries to the next month.
 */
@Service
public class BillingService {

    static final String BASIC = "dailyChargeTotal";
    static final String DATA = "dailyDataTrafficChargeTotal";
    static final String BEAM = "dailySoracomBeamRequestChargeTotal";
    /** Bill items in the order a coupon for the whole bill consumes them. */
    /*
     * The data plane's items [UNKNOWN: their names on a real bill; chosen after Beam's]: Harvest Data by the writes
     * of a SIM's day, Funnel and Funk by their requests.
     */
    static final String HARVEST = "dailySoracomHarvestWriteRequestChargeTotal";
    static final String FUNNEL = "dailySoracomFunnelRequestChargeTotal";
    static final String FUNK = "dailySoracomFunkRequestChargeTotal";

    static final List<String> ITEMS = List.of(BASIC, DATA, BEAM, HARVEST, FUNNEL, FUNK);
    static final Map<String, String> CATEGORY = Map.of(BASIC, "Air", DATA, "Air", BEAM, "Beam", HARVEST, "Harvest",
            FUNNEL, "Funnel", FUNK, "Funk");
    /** The stats kind whose counts each request-priced item prices. */
    private static final Map<String, String> REQUEST_ITEMS = Map.of(StatsService.BEAM, BEAM, StatsService.HARVEST,
            HARVEST, StatsService.FUNNEL, FUNNEL, StatsService.FUNK, FUNK);
    /** The real API keeps 18 months of bills. */
    static final int MONTHS_KEPT = 18;
    static final int SUMMARY_MONTHS = 4;
    static final DateTimeFormatter YEAR_MONTH = DateTimeFormatter.ofPattern("uuuuMM").withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
    private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024L);
    private static final long DAY_MS = 86_400_000L;

    /** One charge: a SIM's bill item of one day (basic fee: one status; data: one speed class; Beam: requests). */
    record Charge(LocalDate date, String simId, String imsi, String billItemName, String detail, BigDecimal quantity,
            String unit, BigDecimal unitPrice, BigDecimal amount) {
    }

    /** What one coupon paid of one month. */
    record CouponUse(String couponCode, String billItemName, BigDecimal amount) {
    }

    /** A month's bill: the charges up to {@code evaluatedAt} and the coupons spent on them. */
    record Bill(YearMonth month, boolean closed, Instant evaluatedAt, List<Charge> charges, List<CouponUse> coupons) {

        BigDecimal charged() {
            return sum(charges.stream().map(Charge::amount).toList());
        }

        BigDecimal couponAmount() {
            return sum(coupons.stream().map(CouponUse::amount).toList());
        }

        BigDecimal amount() {
            return charged().subtract(couponAmount());
        }

        Map<String, BigDecimal> byItem() {
            Map<String, BigDecimal> out = new LinkedHashMap<>();
            ITEMS.forEach(i -> out.put(i, BigDecimal.ZERO));
            charges.forEach(c -> out.merge(c.billItemName(), c.amount(), BigDecimal::add));
            return out;
        }

        Map<String, BigDecimal> bySim() {
            Map<String, BigDecimal> out = new TreeMap<>();
            charges.forEach(c -> out.merge(c.simId(), c.amount(), BigDecimal::add));
            return out;
        }

        /** Every day of the bill: the month's days, up to the clock's day for the running month, from the first billable day. */
        Map<LocalDate, BigDecimal> byDay(LocalDate firstDay) {
            Map<LocalDate, BigDecimal> out = new TreeMap<>();
            LocalDate last = closed ? month.atEndOfMonth() : LocalDate.ofInstant(evaluatedAt, ZoneOffset.UTC);
            for (LocalDate d = month.atDay(1); !d.isAfter(last); d = d.plusDays(1)) {
                if (!d.isBefore(firstDay)) {
                    out.put(d, BigDecimal.ZERO);
                }
            }
            charges.forEach(c -> out.merge(c.date(), c.amount(), BigDecimal::add));
            return out;
        }
    }

    private final SimService sims;
    private final StatsService stats;
    private final CouponService coupons;
    private final OperatorService operators;
    private final PriceTable prices;
    private final MockClock clock;

    BillingService(SimService sims, StatsService stats, CouponService coupons, OperatorService operators, PriceTable prices,
            MockClock clock) {
        this.sims = sims;
        this.stats = stats;
        this.coupons = coupons;
        this.operators = operators;
        this.prices = prices;
        this.clock = clock;
    }

    String currency() {
        return prices.currency();
    }

    /** The month of the MockClock, whose bill is still running. */
    YearMonth currentMonth(Instant now) {
        return YearMonth.from(now.atZone(ZoneOffset.UTC));
    }

    /** The first month with a bill: the operator's sign-up month, at most 18 months back. */
    YearMonth firstMonth(String operatorId, Instant now) {
        YearMonth created = YearMonth.from(Instant.ofEpochMilli(operators.get(operatorId).createdAt()).atZone(ZoneOffset.UTC));
        YearMonth oldest = currentMonth(now).minusMonths(MONTHS_KEPT);
        return created.isBefore(oldest) ? oldest : created;
    }

    /** The first day a bill counts: the operator's sign-up day in its sign-up month. */
    LocalDate firstDay(String operatorId) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(operators.get(operatorId).createdAt()), ZoneOffset.UTC);
    }

    /**
     * A {@code yyyyMM} path parameter: anything but six digits of a real month → 400; a month with no bill → 404 (a
     * month after the clock's, before the operator signed up, or more than 18 months back: [UNKNOWN] what the real API
     * answers for these; its 404 says "not finalized" or "no charge for the specified month").
     */
    YearMonth billedMonth(String operatorId, String yyyyMM, Instant now) {
        YearMonth m = parse(yyyyMM);
        if (m.isAfter(currentMonth(now)) || m.isBefore(firstMonth(operatorId, now))) {
            throw new ApiException(ErrorCode.BILL_NOT_FOUND, yyyyMM);
        }
        return m;
    }

    static YearMonth parse(String yyyyMM) {
        if (yyyyMM == null || !SIX_DIGITS.matcher(yyyyMM).matches()) {
            throw new ApiException(ErrorCode.BILL_INVALID_YEAR_MONTH, String.valueOf(yyyyMM));
        }
        try {
            return YearMonth.parse(yyyyMM, YEAR_MONTH);
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCode.BILL_INVALID_YEAR_MONTH, yyyyMM);
        }
    }

    /** The closed bills, newest first (the sign-up month to the month before the clock's, at most 18). */
    @Transactional(readOnly = true)
    List<Bill> closedBills(String operatorId, Instant now) {
        YearMonth first = firstMonth(operatorId, now);
        List<Bill> out = new ArrayList<>();
        for (YearMonth m = currentMonth(now).minusMonths(1); !m.isBefore(first); m = m.minusMonths(1)) {
            out.add(bill(operatorId, m, now));
        }
        return out;
    }

    /** The bills of the last four months (the clock's month and the three before), newest first. */
    @Transactional(readOnly = true)
    List<Bill> recentBills(String operatorId, Instant now) {
        YearMonth first = firstMonth(operatorId, now);
        List<Bill> out = new ArrayList<>();
        YearMonth m = currentMonth(now);
        for (int i = 0; i < SUMMARY_MONTHS && !m.isBefore(first); i++, m = m.minusMonths(1)) {
            out.add(bill(operatorId, m, now));
        }
        return out;
    }

    /** The bill of a month (no range check: callers pass a month of {@link #billedMonth}). */
    @Transactional(readOnly = true)
    Bill bill(String operatorId, YearMonth month, Instant now) {
        return run(operatorId, month, now).bill();
    }

    /** What the clock's running month has cost an operator so far: the bill's amount and each SIM's charges. */
    public record RunningCharge(BigDecimal amount, Map<String, BigDecimal> bySim) {
    }

    /** The running bill of the clock's month (charges less coupons, and the charges per SIM ID before coupons). */
    @Transactional(readOnly = true)
    public RunningCharge runningCharge(String operatorId) {
        Instant now = clock.instant();
        Bill bill = bill(operatorId, currentMonth(now), now);
        return new RunningCharge(bill.amount(), bill.bySim());
    }

    /** What each registered coupon has left once spent on the bills up to now (the running month included). */
    @Transactional(readOnly = true)
    Map<String, BigDecimal> couponBalances(String operatorId, Instant now) {
        return run(operatorId, currentMonth(now), now).balances();
    }

    private record Run(Bill bill, Map<String, BigDecimal> balances) {
    }

    private Run run(String operatorId, YearMonth month, Instant now) {
        List<CouponService.BillingCoupon> registered = new ArrayList<>(coupons.registeredForBilling(operatorId));
        registered.sort(Comparator.comparing(CouponService.BillingCoupon::expiryMonth)
                .thenComparing(c -> c.billItemName() == null)
                .thenComparingLong(CouponService.BillingCoupon::registeredAt)
                .thenComparing(CouponService.BillingCoupon::couponCode));
        Map<String, BigDecimal> balance = new LinkedHashMap<>();
        registered.forEach(c -> balance.put(c.couponCode(), c.amount()));
        YearMonth from = registered.stream().map(CouponService.BillingCoupon::registeredMonth).min(Comparator.naturalOrder())
                .orElse(month);
        if (from.isAfter(month)) {
            from = month;
        }
        List<Charge> charges = List.of();
        List<CouponUse> uses = List.of();
        // coupon balances carry from month to month: spend them on every month since the first registration
        for (YearMonth m = from; !m.isAfter(month); m = m.plusMonths(1)) {
            charges = charges(operatorId, m, now);
            uses = spend(m, charges, registered, balance);
        }
        boolean closed = month.isBefore(currentMonth(now));
        Instant evaluated = closed ? month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant() : now;
        return new Run(new Bill(month, closed, evaluated, charges, uses), balance);
    }

    private static List<CouponUse> spend(YearMonth month, List<Charge> charges, List<CouponService.BillingCoupon> registered,
            Map<String, BigDecimal> balance) {
        Map<String, BigDecimal> left = new LinkedHashMap<>();
        ITEMS.forEach(i -> left.put(i, BigDecimal.ZERO));
        charges.forEach(c -> left.merge(c.billItemName(), c.amount(), BigDecimal::add));
        List<CouponUse> uses = new ArrayList<>();
        for (CouponService.BillingCoupon c : registered) {
            BigDecimal has = balance.get(c.couponCode());
            if (month.isBefore(c.registeredMonth()) || month.isAfter(c.expiryMonth()) || has.signum() <= 0) {
                continue;
            }
            BigDecimal used = BigDecimal.ZERO;
            for (String item : c.billItemName() == null ? ITEMS : List.of(c.billItemName())) {
                BigDecimal take = has.subtract(used).min(left.getOrDefault(item, BigDecimal.ZERO));
                if (take.signum() > 0) {
                    left.merge(item, take.negate(), BigDecimal::add);
                    used = used.add(take);
                }
            }
            if (used.signum() > 0) {
                balance.put(c.couponCode(), has.subtract(used));
                uses.add(new CouponUse(c.couponCode(), c.billItemName(), used));
            }
        }
        return uses;
    }

    /**
     * The month's charges up to the clock: whole days, the clock's day included (its basic fee by the statuses held so
     * far, its traffic whatever is recorded for it); a month after the clock's has none.
     */
    private List<Charge> charges(String operatorId, YearMonth month, Instant now) {
        long start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long tomorrow = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                .toEpochMilli();
        long end = Math.min(month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), tomorrow);
        List<Charge> out = new ArrayList<>();
        if (end <= start) {
            return out;
        }
        Map<String, List<SimService.StatusRecord>> history = new LinkedHashMap<>();
        for (SimService.StatusRecord r : sims.statusRecords(operatorId, Math.min(end, now.toEpochMilli() + 1))) {
            history.computeIfAbsent(r.simId(), k -> new ArrayList<>()).add(r);
        }
        Map<String, String> imsis = new LinkedHashMap<>();
        history.forEach((simId, records) -> {
            imsis.put(simId, records.get(records.size() - 1).imsi());
            for (long day = start; day < end; day += DAY_MS) {
                basicFee(simId, records, day, Math.min(day + DAY_MS, end), out);
            }
        });
        // traffic, summed per SIM, day and speed class (Beam, Harvest, Funnel, Funk: requests per SIM and day)
        Map<String, BigDecimal> quantities = new TreeMap<>();
        for (StatsService.Usage u : stats.usage(operatorId, Math.floorDiv(start, 1000), Math.floorDiv(end + 999, 1000))) {
            if (u.unixtime() * 1000 >= end) {
                continue;
            }
            String day = LocalDate.ofInstant(Instant.ofEpochSecond(u.unixtime()), ZoneOffset.UTC).format(DATE);
            boolean air = StatsService.AIR.equals(u.kind());
            String item = air ? DATA : REQUEST_ITEMS.get(u.kind());
            if (item == null) {
                continue;
            }
            String key = day + "|" + u.simId() + "|" + item + "|" + (air ? u.key() : "");
            quantities.merge(key, BigDecimal.valueOf(air ? u.bytes() : u.count()), BigDecimal::add);
        }
        quantities.forEach((key, q) -> {
            String[] k = key.split("\\|", -1);
            LocalDate date = LocalDate.parse(k[0], DATE);
            String item = k[2];
            if (DATA.equals(item)) {
                BigDecimal price = prices.dataFeePerMiB(k[3]);
                BigDecimal mib = q.divide(MIB, 6, RoundingMode.HALF_UP);
                add(out, new Charge(date, k[1], imsis.get(k[1]), DATA, k[3], mib, "MiB", price,
                        q.multiply(price).divide(MIB, 2, RoundingMode.HALF_UP)));
            } else if (HARVEST.equals(item)) {
                // Harvest Data: a fee per SIM and day for each started block of writes (the first write of a day opens one)
                BigDecimal blocks = q.divide(BigDecimal.valueOf(prices.harvestWritesPerBlock()), 0, RoundingMode.CEILING);
                BigDecimal price = prices.harvestFeePerBlock();
                add(out, new Charge(date, k[1], imsis.get(k[1]), HARVEST, q.toPlainString() + " writes", blocks,
                        prices.harvestWritesPerBlock() + " writes", price, blocks.multiply(price).setScale(2, RoundingMode.HALF_UP)));
            } else {
                BigDecimal price = prices.requestFee(item.equals(BEAM) ? "beam" : item.equals(FUNNEL) ? "funnel" : "funk");
                add(out, new Charge(date, k[1], imsis.get(k[1]), item, "requests", q, "request", price,
                        q.multiply(price).setScale(2, RoundingMode.HALF_UP)));
            }
        });
        return out;
    }

    /** The basic fee of one day [from, to): the dearest status the SIM held in it (none before it was registered). */
    private void basicFee(String simId, List<SimService.StatusRecord> records, long from, long to, List<Charge> out) {
        SimService.StatusRecord dearest = null;
        BigDecimal fee = BigDecimal.ZERO;
        SimService.StatusRecord atStart = null;
        List<SimService.StatusRecord> held = new ArrayList<>();
        for (SimService.StatusRecord r : records) {
            if (r.appliedAt() <= from) {
                atStart = r;
            } else if (r.appliedAt() < to) {
                held.add(r);
            }
        }
        if (atStart != null) {
            held.add(0, atStart);
        }
        for (SimService.StatusRecord r : held) {
            BigDecimal f = prices.basicFeePerDay(r.subscription(), r.status());
            if (dearest == null || f.compareTo(fee) > 0) {
                dearest = r;
                fee = f;
            }
        }
        if (dearest != null) {
            add(out, new Charge(LocalDate.ofInstant(Instant.ofEpochMilli(from), ZoneOffset.UTC), simId, dearest.imsi(), BASIC,
                    dearest.subscription() + " " + dearest.status(), BigDecimal.ONE, "day", fee, fee.setScale(2, RoundingMode.HALF_UP)));
        }
    }

    private static void add(List<Charge> out, Charge c) {
        if (c.amount().signum() > 0) {
            out.add(c);
        }
    }

    static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The month's detailed CSV: one line per charge, then one line per coupon spent (negative). */
    String csv(Bill bill) {
        String ym = bill.month().format(YEAR_MONTH);
        String currency = currency();
        List<Charge> sorted = new ArrayList<>(bill.charges());
        sorted.sort(Comparator.comparing(Charge::date).thenComparing(Charge::simId)
                .thenComparing(c -> ITEMS.indexOf(c.billItemName())).thenComparing(Charge::detail));
        return Csv.write(List.of("yearMonth", "date", "simId", "imsi", "billItemName", "billItemCategory", "detail",
                "quantity", "unit", "unitPrice", "amount", "currency"), rows -> {
                    for (Charge c : sorted) {
                        rows.add(Arrays.asList(ym, c.date().format(DATE), c.simId(), c.imsi(), c.billItemName(),
                                CATEGORY.get(c.billItemName()), c.detail(), c.quantity().stripTrailingZeros().toPlainString(),
                                c.unit(), c.unitPrice().stripTrailingZeros().toPlainString(),
                                c.amount().setScale(2, RoundingMode.HALF_UP).toPlainString(), currency));
                    }
                    for (CouponUse u : bill.coupons()) {
                        rows.add(Arrays.asList(ym, null, null, null, u.billItemName(), "Coupon", u.couponCode(), null,
                                null, null, u.amount().negate().setScale(2, RoundingMode.HALF_UP).toPlainString(), currency));
                    }
                });
    }

    Instant now() {
        return clock.instant();
    }
}
