package dev.soracommock.billing;

import dev.soracommock.api.soracom.BillingApiDelegate;
import dev.soracommock.api.soracom.model.BillItemCostBreakdownDto;
import dev.soracommock.api.soracom.model.BillingSummaryResponseOfBillItemsDto;
import dev.soracommock.api.soracom.model.BillingSummaryResponseOfSimsDto;
import dev.soracommock.api.soracom.model.DailyBillDto;
import dev.soracommock.api.soracom.model.DailyBillResponseDto;
import dev.soracommock.api.soracom.model.FileExportResponseDto;
import dev.soracommock.api.soracom.model.GetBillingHistoryResponseDto;
import dev.soracommock.api.soracom.model.GetLatestBillDto;
import dev.soracommock.api.soracom.model.MonthlyBillDto;
import dev.soracommock.api.soracom.model.SimCostBreakdownDto;
import dev.soracommock.coverage.Limitation;
import dev.soracommock.export.ExportService;
import dev.soracommock.kernel.CurrentCaller;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Billing tag, answered from {@link BillingService}: the running bill of the clock's month ({@code temporary}), the
 * closed bills of the months before it ({@code closed}, {@code paid}), daily amounts, summaries per bill item and per
 * SIM of the last four months, and the detailed CSV through {@link ExportService}. Amounts are JPY; monthly amounts are net
 * of coupons, daily amounts and summaries are the charges before coupons.
 */
@Component
class BillingApiImpl implements BillingApiDelegate {

    static final DateTimeFormatter EVALUATED = DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withZone(ZoneOffset.UTC);
    static final int TOP_SIMS = 100;

    private final BillingService billing;
    private final ExportService exports;
    private final CurrentCaller caller;

    BillingApiImpl(BillingService billing, ExportService exports, CurrentCaller caller) {
        this.billing = billing;
        this.exports = exports;
        this.caller = caller;
    }

    @Override
    @Limitation("closed bills are recomputed on each read from the current state (traffic inserted afterwards with a past timestamp changes them); every closed bill is paymentStatus paid, with no paymentTransactionId")
    public ResponseEntity<GetBillingHistoryResponseDto> getBillingHistory() {
        String op = caller.operatorId();
        return ResponseEntity.ok(new GetBillingHistoryResponseDto()
                .billList(billing.closedBills(op, billing.now()).stream().map(this::monthly).toList()));
    }

    @Override
    @Limitation("a month after the clock's, before the operator's sign-up month or more than 18 months back answers 404")
    public ResponseEntity<MonthlyBillDto> getBilling(String yyyyMM) {
        String op = caller.operatorId();
        Instant now = billing.now();
        return ResponseEntity.ok(monthly(billing.bill(op, billing.billedMonth(op, yyyyMM, now), now)));
    }

    @Override
    public ResponseEntity<GetLatestBillDto> getLatestBilling() {
        String op = caller.operatorId();
        Instant now = billing.now();
        BillingService.Bill bill = billing.bill(op, billing.currentMonth(now), now);
        return ResponseEntity.ok(new GetLatestBillDto().amount(bill.amount().doubleValue())
                .currency(GetLatestBillDto.CurrencyEnum.fromValue(billing.currency()))
                .lastEvaluatedTime(EVALUATED.format(now)));
    }

    @Override
    @Limitation("daily amounts are the charges of each UTC day before coupons (coupons apply to the month)")
    public ResponseEntity<DailyBillResponseDto> getBillingPerDay(String yyyyMM) {
        String op = caller.operatorId();
        Instant now = billing.now();
        BillingService.Bill bill = billing.bill(op, billing.billedMonth(op, yyyyMM, now), now);
        DailyBillDto.CurrencyEnum currency = DailyBillDto.CurrencyEnum.fromValue(billing.currency());
        return ResponseEntity.ok(new DailyBillResponseDto().billList(bill.byDay(billing.firstDay(op)).entrySet().stream()
                .map(e -> new DailyBillDto().date(e.getKey().format(BillingService.DATE)).amount(e.getValue().doubleValue())
                        .currency(currency))
                .toList()));
    }

    @Override
    @Limitation("the CSV's columns are the emulator's own (one line per SIM, day and charge, then one per coupon spent)")
    public ResponseEntity<FileExportResponseDto> exportBilling(String yyyyMM, String exportMode) {
        String op = caller.operatorId();
        Instant now = billing.now();
        return export(op, billing.billedMonth(op, yyyyMM, now), now, exportMode);
    }

    @Override
    @Limitation("the CSV's columns are the emulator's own (one line per SIM, day and charge, then one per coupon spent)")
    public ResponseEntity<FileExportResponseDto> exportLatestBilling(String exportMode) {
        String op = caller.operatorId();
        Instant now = billing.now();
        return export(op, billing.currentMonth(now), now, exportMode);
    }

    @Override
    @Limitation("bill items are the six the emulator charges (basic fee, Air data, and the requests of Beam, Harvest Data, Funnel and Funk), named like the coupons' bill items (the data plane's three are the emulator's names); charges before coupons")
    public ResponseEntity<List<BillingSummaryResponseOfBillItemsDto>> getBillingSummaryOfBillItems() {
        String op = caller.operatorId();
        Instant now = billing.now();
        return ResponseEntity.ok(billing.recentBills(op, now).stream().map(b -> new BillingSummaryResponseOfBillItemsDto()
                .yearMonth(b.month().format(BillingService.YEAR_MONTH))
                .currency(BillingSummaryResponseOfBillItemsDto.CurrencyEnum.fromValue(billing.currency()))
                .updatedTime(b.evaluatedAt().getEpochSecond())
                .costBreakdownList(descending(b.byItem()).stream().map(e -> new BillItemCostBreakdownDto()
                        .billItemName(e.getKey()).billItemCategory(BillingService.CATEGORY.get(e.getKey()))
                        .amount(e.getValue().doubleValue())).toList()))
                .toList());
    }

    @Override
    @Limitation("charges before coupons")
    public ResponseEntity<List<BillingSummaryResponseOfSimsDto>> getBillingSummaryOfSims() {
        String op = caller.operatorId();
        Instant now = billing.now();
        return ResponseEntity.ok(billing.recentBills(op, now).stream().map(b -> new BillingSummaryResponseOfSimsDto()
                .yearMonth(b.month().format(BillingService.YEAR_MONTH))
                .currency(BillingSummaryResponseOfSimsDto.CurrencyEnum.fromValue(billing.currency()))
                .updatedTime(b.evaluatedAt().getEpochSecond())
                .costBreakdownList(descending(b.bySim()).stream().limit(TOP_SIMS)
                        .map(e -> new SimCostBreakdownDto().simId(e.getKey()).amount(e.getValue().doubleValue())).toList()))
                .toList());
    }

    private ResponseEntity<FileExportResponseDto> export(String op, YearMonth month, Instant now, String exportMode) {
        return ResponseEntity.ok(exports.publish(op, billing.csv(billing.bill(op, month, now)), exportMode));
    }

    private MonthlyBillDto monthly(BillingService.Bill bill) {
        return new MonthlyBillDto().yearMonth(bill.month().format(BillingService.YEAR_MONTH))
                .amount(bill.amount().doubleValue()).appliedCouponAmount(bill.couponAmount().doubleValue())
                .currency(MonthlyBillDto.CurrencyEnum.fromValue(billing.currency()))
                .state(bill.closed() ? MonthlyBillDto.StateEnum.CLOSED : MonthlyBillDto.StateEnum.TEMPORARY)
                .paymentStatus(bill.closed() ? MonthlyBillDto.PaymentStatusEnum.PAID : null);
    }

    /** The non-zero amounts, largest first (ties by name). */
    private static List<Map.Entry<String, BigDecimal>> descending(Map<String, BigDecimal> amounts) {
        return amounts.entrySet().stream().filter(e -> e.getValue().signum() > 0)
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }
}
