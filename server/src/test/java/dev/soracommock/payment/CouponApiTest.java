package dev.soracommock.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.clock.MockClock;
import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** CouponService: the sandbox's, registration, listing, and bought ones (quotation and confirmation). */
class CouponApiTest extends ApiTest {

    private static final String INVALID = "The coupon code is invalid or the coupon code registration limit has been reached.";

    @Autowired
    MockClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Response createCoupon(Operator op, Object amount, String billItem, String expiry) {
        Map<String, Object> body = new HashMap<>();
        body.put("amount", amount);
        body.put("applicableBillItemName", billItem);
        body.put("expiryYearMonth", expiry);
        return as(op).contentType(ContentType.JSON).body(body).post("/v1/sandbox/coupons/create");
    }

    private static void assertError(Response r, int status, String code) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.<String>path("code")).isEqualTo(code);
    }

    @Test
    void aSandboxCouponIsRegisteredOnceThenListed() {
        Operator op = newOperator();
        clock.set(Instant.parse("2026-06-15T00:00:00Z"));
        Response created = createCoupon(op, 1000, "dailyChargeTotal", "202612");
        created.then().statusCode(200);
        String code = created.path("couponCode");
        assertThat(code).isNotBlank();
        assertThat(created.jsonPath().getDouble("amount")).isEqualTo(1000.0);
        assertThat(created.jsonPath().getDouble("balance")).isEqualTo(1000.0);
        assertThat(created.<String>path("billItemName")).isEqualTo("dailyChargeTotal");
        assertThat(created.<String>path("expiryYearMonth")).isEqualTo("202612");

        assertThat(as(op).get("/v1/coupons").<List<?>>path("couponList")).isEmpty();
        Response registered = as(op).post("/v1/coupons/" + code + "/register");
        registered.then().statusCode(200);
        assertThat(registered.<String>path("couponCode")).isEqualTo(code);
        assertThat(registered.jsonPath().getDouble("balance")).isEqualTo(1000.0);
        assertThat(registered.<String>path("currency")).isEqualTo("JPY");

        Response again = as(op).post("/v1/coupons/" + code + "/register");
        assertError(again, 400, "PAY0010");
        assertThat(again.<String>path("message")).isEqualTo(INVALID);
        assertError(as(op).post("/v1/coupons/COUPON-NOSUCHCODE/register"), 400, "PAY0010");

        Response list = as(op).get("/v1/coupons");
        list.then().statusCode(200);
        assertThat(list.<List<String>>path("couponList.couponCode")).containsExactly(code);
        assertThat(list.<List<String>>path("couponList.billItemName")).containsExactly("dailyChargeTotal");
    }

    @Test
    void sandboxCouponsAreValidated() {
        Operator op = newOperator();
        clock.set(Instant.parse("2026-06-15T00:00:00Z"));
        assertError(createCoupon(op, 0, "dailyChargeTotal", "202612"), 400, "SBX1007");
        assertError(createCoupon(op, -5, "dailyChargeTotal", "202612"), 400, "SBX1007");
        assertError(createCoupon(op, null, "dailyChargeTotal", "202612"), 400, "SBX1007");
        assertThat(createCoupon(op, 100, "nope", "202612").statusCode()).isEqualTo(400);
        assertError(createCoupon(op, 100, null, "202612"), 400, "SBX1007");
        assertError(createCoupon(op, 100, "dailyChargeTotal", "202605"), 400, "SBX1007");
        assertError(createCoupon(op, 100, "dailyChargeTotal", "202613"), 400, "SBX1007");
        assertError(createCoupon(op, 100, "dailyChargeTotal", "2026-12"), 400, "SBX1007");
        assertError(createCoupon(op, 100, "dailyChargeTotal", null), 400, "SBX1007");
        createCoupon(op, 100, "dailyChargeTotal", "202606").then().statusCode(200);
        createCoupon(op, 100, "dailyDataTrafficChargeTotal", "203001").then().statusCode(200);
        createCoupon(op, 100, "dailySoracomBeamRequestChargeTotal", "202607").then().statusCode(200);
    }

    @Test
    void anExpiredCouponCannotBeRegistered() {
        Operator op = newOperator();
        clock.set(Instant.parse("2026-06-15T00:00:00Z"));
        String code = createCoupon(op, 500, "dailyChargeTotal", "202606").path("couponCode");
        clock.set(Instant.parse("2026-07-01T00:00:00Z"));
        assertError(as(op).post("/v1/coupons/" + code + "/register"), 400, "PAY0010");
    }

    @Test
    void anotherOperatorsCouponIsInvalidForTheCaller() {
        Operator alice = newOperator();
        Operator bob = newOperator();
        String code = createCoupon(alice, 500, "dailyChargeTotal", "209912").path("couponCode");
        assertError(as(bob).post("/v1/coupons/" + code + "/register"), 400, "PAY0010");
        assertThat(as(bob).get("/v1/coupons").<List<?>>path("couponList")).isEmpty();
        as(alice).post("/v1/coupons/" + code + "/register").then().statusCode(200);
        assertThat(as(bob).get("/v1/coupons").<List<?>>path("couponList")).isEmpty();
        assertThat(as(alice).get("/v1/coupons").<List<String>>path("couponList.couponCode")).containsExactly(code);
    }

    @Test
    void aCouponIsBoughtByQuotationAndConfirmation() {
        Operator op = newOperator();
        clock.freeze(); // frozen first, then set: set-then-freeze lets the time run between the two
        clock.set(Instant.parse("2026-06-15T01:02:03.456Z"));
        Response quote = as(op).contentType(ContentType.JSON).body(Map.of("amount", 3000)).post("/v1/coupons");
        quote.then().statusCode(201);
        String orderId = quote.path("orderId");
        assertThat(orderId).matches("20260615010203456_[0-9a-f]{8}");
        assertThat(quote.jsonPath().getDouble("amount")).isEqualTo(3000.0);
        assertThat(quote.jsonPath().getDouble("taxAmount")).isEqualTo(300.0);
        assertThat(quote.jsonPath().getDouble("totalAmount")).isEqualTo(3300.0);
        assertThat(quote.<String>path("currency")).isEqualTo("JPY");
        assertThat(quote.<String>path("expiryYearMonth")).isEqualTo("202706");
        assertThat(as(op).get("/v1/coupons").<List<?>>path("couponList")).isEmpty();

        Response confirmed = as(op).put("/v1/coupons/" + orderId + "/confirm");
        confirmed.then().statusCode(200);
        assertThat(confirmed.<String>path("orderId")).isEqualTo(orderId);
        assertThat(confirmed.jsonPath().getDouble("balance")).isEqualTo(3000.0);
        String code = confirmed.path("couponCode");
        assertThat(as(op).get("/v1/coupons").<List<String>>path("couponList.couponCode")).containsExactly(code);

        assertError(as(op).put("/v1/coupons/" + orderId + "/confirm"), 400, "PAY0012");
        assertError(as(op).post("/v1/coupons/" + code + "/register"), 400, "PAY0010");
        assertError(as(op).put("/v1/coupons/nope/confirm"), 404, "PAY0011");
        assertError(as(op).contentType(ContentType.JSON).body(Map.of("amount", 0)).post("/v1/coupons"), 400, "PAY0013");

        Operator other = newOperator();
        String othersQuote = as(other).contentType(ContentType.JSON).body(Map.of("amount", 100)).post("/v1/coupons").path("orderId");
        assertError(as(op).put("/v1/coupons/" + othersQuote + "/confirm"), 404, "PAY0011");
    }

    @Test
    void buyingACouponNeedsAPaymentMethod() {
        Operator op = newOperator(false);
        String orderId = as(op).contentType(ContentType.JSON).body(Map.of("amount", 100)).post("/v1/coupons").path("orderId");
        assertError(as(op).put("/v1/coupons/" + orderId + "/confirm"), 400, "PAY0001");
        assertThat(as(op).get("/v1/coupons").<List<?>>path("couponList")).isEmpty();
    }
}
