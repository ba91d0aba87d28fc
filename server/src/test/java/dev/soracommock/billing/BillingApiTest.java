package dev.soracommock.billing;

import static dev.soracommock.support.SoracomError.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.soracommock.clock.MockClock;
import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bills over HTTP: amounts from status days and the price table, traffic and coupons changing them, months closing with
 * the clock, daily amounts, summaries, CSV exports, bad months and tenant isolation.
 */
class BillingApiTest extends ApiTest {

    static final long MIB = 1024L * 1024L;
    /** The operator signs up and its SIM is registered on 10 June 2026, 00:00 UTC. */
    static final Instant JUNE_10 = Instant.parse("2026-06-10T00:00:00Z");
    static final long DAY = 86_400;

    static JsonNode prices;

    @Autowired
    MockClock clock;

    @BeforeAll
    static void readPriceTable() throws Exception {
        try (InputStream in = new ClassPathResource("catalogue/prices.json").getInputStream()) {
            prices = JsonMapper.builder().build().readTree(in);
        }
    }

    @BeforeEach
    void freeze() {
        clock.freeze();
        clock.set(JUNE_10);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static double basic(String plan, String status) {
        return prices.get("basicFeePerDay").get(plan).get(status).asDouble();
    }

    static double perMiB(String speedClass) {
        return prices.get("dataFeePerMiB").get(speedClass).asDouble();
    }

    private void status(Operator op, String imsi, String action) {
        as(op).post("/v1/subscribers/" + imsi + "/" + action).then().statusCode(200);
    }

    private void advance(long seconds) {
        api().contentType(ContentType.JSON).body(Map.of("seconds", seconds)).post("/_mock/clock/advance").then().statusCode(200);
    }

    private void setClock(String iso) {
        api().contentType(ContentType.JSON).body(Map.of("now", iso, "frozen", true)).put("/_mock/clock").then().statusCode(200);
    }

    /** A fresh token after the clock has moved past the old one's lifetime. */
    private Operator login(Operator op) {
        Response r = api().contentType(ContentType.JSON).body(Map.of("email", op.email(), "password", op.password()))
                .post("/v1/auth");
        r.then().statusCode(200);
        return new Operator(op.operatorId(), r.path("apiKey"), r.path("token"), op.email(), op.password());
    }

    private void insertAir(Operator op, String imsi, long unixtime, String speedClass, long up, long down) {
        as(op).contentType(ContentType.JSON)
                .body(Map.of("unixtime", unixtime, "dataTrafficStatsMap", Map.of(speedClass, Map.of("uploadByteSizeTotal", up,
                        "downloadByteSizeTotal", down, "uploadPacketSizeTotal", 1, "downloadPacketSizeTotal", 1))))
                .post("/v1/sandbox/stats/air/subscribers/" + imsi).then().statusCode(200);
    }

    private String coupon(Operator op, int amount, String billItem, String expiry) {
        Response r = as(op).contentType(ContentType.JSON)
                .body(Map.of("amount", amount, "applicableBillItemName", billItem, "expiryYearMonth", expiry))
                .post("/v1/sandbox/coupons/create");
        r.then().statusCode(200);
        return r.path("couponCode");
    }

    private Response bill(Operator op, String yyyyMM) {
        return as(op).get("/v1/bills/" + yyyyMM);
    }

    private double amount(Response r) {
        r.then().statusCode(200);
        return r.jsonPath().getDouble("amount");
    }

    /**
     * 10 June ready; 11 June noon standby; 13 June noon active; clock at 14 June noon. A day costs the dearest status
     * it held: 10th ready, 11th ready (then standby), 12th standby, 13th active (after standby), 14th active.
     */
    private Sim simWithStatusDays(Operator op) {
        String imsi = registeredSim(op);
        advance(DAY + DAY / 2);
        status(login(op), imsi, "set_to_standby");
        advance(2 * DAY);
        status(login(op), imsi, "activate");
        advance(DAY);
        return new Sim(login(op), imsi);
    }

    /** The operator (with a token fresh at the clock's instant) and its SIM. */
    record Sim(Operator op, String imsi) {
    }

    static double statusDaysAmount() {
        return 2 * basic("plan01s", "ready") + basic("plan01s", "standby") + 2 * basic("plan01s", "active");
    }

    @Test
    void theRunningBillFollowsStatusDaysAndThePriceTable() {
        Operator op = simWithStatusDays(newOperator()).op();

        Response month = bill(op, "202606");
        assertThat(amount(month)).isCloseTo(statusDaysAmount(), within(0.001));
        assertThat(month.<String>path("state")).isEqualTo("temporary");
        assertThat(month.<String>path("yearMonth")).isEqualTo("202606");
        assertThat(month.<String>path("currency")).isEqualTo("JPY");
        assertThat(month.jsonPath().getDouble("appliedCouponAmount")).isZero();

        Response latest = as(op).get("/v1/bills/latest");
        assertThat(amount(latest)).isCloseTo(statusDaysAmount(), within(0.001));
        assertThat(latest.<String>path("lastEvaluatedTime")).isEqualTo("20260614120000");

        Response daily = as(op).get("/v1/bills/202606/daily");
        daily.then().statusCode(200);
        assertThat(daily.<List<String>>path("billList.date"))
                .containsExactly("20260610", "20260611", "20260612", "20260613", "20260614");
        List<Float> amounts = daily.path("billList.amount");
        assertThat(amounts.stream().map(Float::doubleValue).toList()).containsExactly(basic("plan01s", "ready"),
                basic("plan01s", "ready"), basic("plan01s", "standby"), basic("plan01s", "active"), basic("plan01s", "active"));
    }

    @Test
    void insertedTrafficIsChargedPerMiBOfItsSpeedClass() {
        Sim sim = simWithStatusDays(newOperator());
        Operator op = sim.op();
        String imsi = sim.imsi();
        double before = amount(bill(op, "202606"));
        assertThat(before).isCloseTo(statusDaysAmount(), within(0.001));

        long now = clock.instant().getEpochSecond();
        insertAir(op, imsi, now - 3600, "s1.fast", 3 * MIB, 2 * MIB);
        insertAir(op, imsi, now - 2 * DAY, "s1.standard", 0, 10 * MIB);
        double traffic = 5 * perMiB("s1.fast") + 10 * perMiB("s1.standard");

        assertThat(amount(bill(op, "202606"))).isCloseTo(statusDaysAmount() + traffic, within(0.001));
        assertThat(amount(as(op).get("/v1/bills/latest"))).isCloseTo(statusDaysAmount() + traffic, within(0.001));
        Response daily = as(op).get("/v1/bills/202606/daily");
        assertThat(daily.jsonPath().getDouble("billList.find { it.date == '20260612' }.amount"))
                .isCloseTo(basic("plan01s", "standby") + 10 * perMiB("s1.standard"), within(0.001));
        assertThat(daily.jsonPath().getDouble("billList.find { it.date == '20260614' }.amount"))
                .isCloseTo(basic("plan01s", "active") + 5 * perMiB("s1.fast"), within(0.001));

        Response items = as(op).get("/v1/bills/summaries/bill_items");
        items.then().statusCode(200);
        assertThat(items.jsonPath().getDouble("[0].costBreakdownList.find { it.billItemName == 'dailyDataTrafficChargeTotal' }.amount"))
                .isCloseTo(traffic, within(0.001));
    }

    @Test
    void aRegisteredCouponIsSpentOnItsBillItemAndCarriesItsBalance() {
        Sim sim = simWithStatusDays(newOperator());
        Operator op = sim.op();
        String imsi = sim.imsi();
        insertAir(op, imsi, clock.instant().getEpochSecond() - 60, "s1.standard", 0, 10 * MIB);
        double basicFees = statusDaysAmount();
        double data = 10 * perMiB("s1.standard");
        double full = amount(bill(op, "202606"));
        assertThat(full).isCloseTo(basicFees + data, within(0.001));

        String forBasic = coupon(op, 25, "dailyChargeTotal", "202612");
        assertThat(amount(bill(op, "202606"))).as("an unregistered coupon changes nothing").isCloseTo(full, within(0.001));
        as(op).post("/v1/coupons/" + forBasic + "/register").then().statusCode(200);
        Response withCoupon = bill(op, "202606");
        double spentOnBasic = Math.min(25, basicFees);
        assertThat(amount(withCoupon)).isCloseTo(full - spentOnBasic, within(0.001));
        assertThat(withCoupon.jsonPath().getDouble("appliedCouponAmount")).isCloseTo(spentOnBasic, within(0.001));

        // a data coupon larger than the data charge pays that item only: never below zero, the rest is kept
        String forData = coupon(op, 1000, "dailyDataTrafficChargeTotal", "202612");
        as(op).post("/v1/coupons/" + forData + "/register").then().statusCode(200);
        assertThat(amount(bill(op, "202606"))).isCloseTo(basicFees - spentOnBasic, within(0.001));
        assertThat(amount(as(op).get("/v1/bills/latest"))).isCloseTo(basicFees - spentOnBasic, within(0.001));
        Response listed = as(op).get("/v1/coupons");
        listed.then().statusCode(200);
        assertThat(listed.jsonPath().getDouble("couponList.find { it.couponCode == '" + forBasic + "' }.balance"))
                .isCloseTo(25 - spentOnBasic, within(0.001));
        assertThat(listed.jsonPath().getDouble("couponList.find { it.couponCode == '" + forData + "' }.balance"))
                .isCloseTo(1000 - data, within(0.001));

        // July: June is closed in full (10-11 ready, 12 standby, 13-30 active); the basic coupon was spent on June,
        // the data coupon's remaining balance pays July's traffic
        setClock("2026-07-02T12:00:00Z");
        Operator later = login(op);
        double june = 2 * basic("plan01s", "ready") + basic("plan01s", "standby") + 18 * basic("plan01s", "active");
        double juneOnBasic = Math.min(25, june);
        Response closedJune = bill(later, "202606");
        assertThat(closedJune.<String>path("state")).isEqualTo("closed");
        assertThat(amount(closedJune)).isCloseTo(june - juneOnBasic, within(0.001));
        assertThat(closedJune.jsonPath().getDouble("appliedCouponAmount")).isCloseTo(juneOnBasic + data, within(0.001));

        insertAir(later, imsi, clock.instant().getEpochSecond() - 60, "s1.standard", 0, 20 * MIB);
        Response july = bill(later, "202607");
        double julyBasic = 2 * basic("plan01s", "active");
        double julyOnBasic = Math.min(25 - juneOnBasic, julyBasic);
        assertThat(july.jsonPath().getDouble("appliedCouponAmount"))
                .isCloseTo(20 * perMiB("s1.standard") + julyOnBasic, within(0.001));
        assertThat(amount(july)).isCloseTo(julyBasic - julyOnBasic, within(0.001));
        assertThat(as(later).get("/v1/coupons").jsonPath()
                .getDouble("couponList.find { it.couponCode == '" + forData + "' }.balance"))
                .isCloseTo(1000 - data - 20 * perMiB("s1.standard"), within(0.001));
    }

    @Test
    void monthsCloseWhenTheClockPassesThem() {
        Operator op = simWithStatusDays(newOperator()).op();
        Response none = as(op).get("/v1/bills");
        none.then().statusCode(200);
        assertThat(none.<List<Object>>path("billList")).isEmpty();

        setClock("2026-06-30T23:59:59Z");
        Operator late = login(op);
        double june = 2 * basic("plan01s", "ready") + basic("plan01s", "standby") + 18 * basic("plan01s", "active");
        assertThat(as(late).get("/v1/bills").<List<Object>>path("billList")).isEmpty();
        assertThat(bill(late, "202606").<String>path("state")).isEqualTo("temporary");
        assertError(bill(late, "202607"), 404, "PAY0031");

        advance(1);
        Response list = as(late).get("/v1/bills");
        list.then().statusCode(200);
        assertThat(list.<List<String>>path("billList.yearMonth")).containsExactly("202606");
        assertThat(list.<String>path("billList[0].state")).isEqualTo("closed");
        assertThat(list.<String>path("billList[0].paymentStatus")).isEqualTo("paid");
        assertThat(list.jsonPath().getDouble("billList[0].amount")).isCloseTo(june, within(0.001));
        assertThat(bill(late, "202606").<String>path("state")).isEqualTo("closed");
        Response july = bill(late, "202607");
        assertThat(july.<String>path("state")).isEqualTo("temporary");
        assertThat(amount(july)).isCloseTo(basic("plan01s", "active"), within(0.001));
        assertThat(as(late).get("/v1/bills/202606/daily").<List<String>>path("billList.date")).hasSize(21).endsWith("20260630");

        setClock("2026-09-05T00:00:00Z");
        Operator later = login(op);
        assertThat(as(later).get("/v1/bills").<List<String>>path("billList.yearMonth"))
                .containsExactly("202608", "202607", "202606");
        assertThat(amount(bill(later, "202606"))).isCloseTo(june, within(0.001));
        assertThat(amount(bill(later, "202607"))).isCloseTo(31 * basic("plan01s", "active"), within(0.001));
    }

    @Test
    void summariesPerBillItemAndPerSimAreSortedByAmount() {
        Operator op = newOperator();
        String small = registeredSim(op);
        String big = registeredSim(op);
        advance(DAY / 2);
        long now = clock.instant().getEpochSecond();
        insertAir(op, small, now - 60, "s1.standard", 0, MIB);
        insertAir(op, big, now - 60, "s1.fast", 0, 100 * MIB);

        Response sims = as(op).get("/v1/bills/summaries/sims");
        sims.then().statusCode(200);
        assertThat(sims.<List<String>>path("yearMonth")).containsExactly("202606");
        assertThat(sims.jsonPath().getLong("[0].updatedTime")).isEqualTo(now);
        assertThat(sims.<List<String>>path("[0].costBreakdownList.simId")).containsExactly(big, small);
        assertThat(sims.jsonPath().getDouble("[0].costBreakdownList[0].amount"))
                .isCloseTo(basic("plan01s", "ready") + 100 * perMiB("s1.fast"), within(0.001));
        assertThat(sims.jsonPath().getDouble("[0].costBreakdownList[1].amount"))
                .isCloseTo(basic("plan01s", "ready") + perMiB("s1.standard"), within(0.001));

        Response items = as(op).get("/v1/bills/summaries/bill_items");
        items.then().statusCode(200);
        assertThat(items.<List<String>>path("[0].costBreakdownList.billItemName"))
                .containsExactly("dailyDataTrafficChargeTotal", "dailyChargeTotal");
        assertThat(items.<List<String>>path("[0].costBreakdownList.billItemCategory")).containsExactly("Air", "Air");
        assertThat(items.jsonPath().getDouble("[0].costBreakdownList[1].amount"))
                .isCloseTo(2 * basic("plan01s", "ready"), within(0.001));

        // four months at most, newest first
        setClock("2026-10-01T00:00:00Z");
        Operator later = login(op);
        assertThat(as(later).get("/v1/bills/summaries/bill_items").<List<String>>path("yearMonth"))
                .containsExactly("202610", "202609", "202608", "202607");
    }

    @Test
    void exportsAreCsvFilesServedByTheEmulator() {
        Sim sim = simWithStatusDays(newOperator());
        Operator op = sim.op();
        String imsi = sim.imsi();
        insertAir(op, imsi, clock.instant().getEpochSecond() - 60, "s1.fast", MIB, MIB);
        String code = coupon(op, 5, "dailyChargeTotal", "202612");
        as(op).post("/v1/coupons/" + code + "/register").then().statusCode(200);

        Response sync = as(op).post("/v1/bills/202606/export");
        sync.then().statusCode(200);
        String url = sync.path("url");
        assertThat(url).contains("/_mock/exports/");
        Response file = api().get(url);
        file.then().statusCode(200);
        assertThat(file.contentType()).startsWith("text/csv");
        String csv = file.asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo(
                "yearMonth,date,simId,imsi,billItemName,billItemCategory,detail,quantity,unit,unitPrice,amount,currency");
        assertThat(lines).filteredOn(l -> l.contains(",dailyChargeTotal,Air,")).hasSize(4); // the standby day costs 0
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("202606,20260614," + imsi + "," + imsi
                + ",dailyDataTrafficChargeTotal,Air,s1.fast,2,MiB,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).isEqualTo("202606,,,,dailyChargeTotal,Coupon," + code + ",,,,-5.00,JPY"));

        Response async = as(op).queryParam("export_mode", "async").post("/v1/bills/latest/export");
        async.then().statusCode(200);
        assertThat(async.<String>path("exportedFileId")).startsWith("fe_");
        assertThat(api().get(async.<String>path("url")).asString()).isEqualTo(csv);
    }

    @Test
    void badMonthsAre400AndMonthsWithoutABill404() {
        Operator op = newOperator();
        for (String bad : List.of("2026-6", "202613", "20260", "abcdef", "202600")) {
            assertError(bill(op, bad), 400, "PAY0030");
            assertError(as(op).get("/v1/bills/" + bad + "/daily"), 400, "PAY0030");
            assertError(as(op).post("/v1/bills/" + bad + "/export"), 400, "PAY0030");
        }
        assertError(bill(op, "202607"), 404, "PAY0031"); // after the clock's month
        assertError(bill(op, "202605"), 404, "PAY0031"); // before the operator signed up
        assertError(as(op).get("/v1/bills/202605/daily"), 404, "PAY0031");
        assertError(as(op).post("/v1/bills/203001/export"), 404, "PAY0031");
    }

    @Test
    void anotherOperatorSeesNoneOfIt() {
        Sim sim = simWithStatusDays(newOperator());
        Operator op = sim.op();
        String imsi = sim.imsi();
        insertAir(op, imsi, clock.instant().getEpochSecond() - 60, "s1.fast", MIB, MIB);
        String code = coupon(op, 5, "dailyChargeTotal", "202612");
        as(op).post("/v1/coupons/" + code + "/register").then().statusCode(200);
        Operator other = newOperator();

        assertThat(amount(bill(op, "202606"))).isPositive();
        assertThat(amount(bill(other, "202606"))).isZero();
        assertThat(amount(as(other).get("/v1/bills/latest"))).isZero();
        assertThat(as(other).get("/v1/bills/202606/daily").<List<Float>>path("billList.amount")).containsOnly(0f);
        assertThat(as(other).get("/v1/bills/summaries/sims").<List<Object>>path("[0].costBreakdownList")).isEmpty();
        assertThat(as(other).get("/v1/bills/summaries/bill_items").<List<Object>>path("[0].costBreakdownList")).isEmpty();
        String csv = api().get(as(other).post("/v1/bills/latest/export").<String>path("url")).asString();
        assertThat(csv.lines().toList()).hasSize(1);
    }
}
