package dev.soracommock.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.clock.MockClock;
import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** OrderService: quotation, confirmation, cancellation, sandbox shipping, ordered SIMs and their registration. */
class OrderApiTest extends ApiTest {

    static final String PLAN_D = "4573326590013";
    static final String PLAN01S_10_PACK = "4573326590433";
    static final String DONGLE = "4573326590808";

    @Autowired
    MockClock clock;


    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String address(Operator op, String state) {
        Map<String, Object> a = ProductAndShippingAddressTest.tokyoAddress();
        a.put("state", state);
        Response r = as(op).contentType(ContentType.JSON).body(a).post("/v1/operators/" + op.operatorId() + "/shipping_addresses");
        r.then().statusCode(201);
        return r.path("shippingAddressId");
    }

    private Response quote(Operator op, String addressId, Object... codesAndQuantities) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < codesAndQuantities.length; i += 2) {
            items.add(Map.of("productCode", codesAndQuantities[i], "quantity", codesAndQuantities[i + 1]));
        }
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("orderItemList", items);
        if (addressId != null) {
            body.put("shippingAddressId", addressId);
        }
        return as(op).contentType(ContentType.JSON).body(body).post("/v1/orders");
    }

    private String order(Operator op, String addressId, Object... codesAndQuantities) {
        Response r = quote(op, addressId, codesAndQuantities);
        r.then().statusCode(201);
        return r.path("orderId");
    }

    private Response ship(Operator op, String operatorId, String orderId) {
        return as(op).contentType(ContentType.JSON).body(Map.of("orderId", orderId, "operatorId", operatorId))
                .post("/v1/sandbox/orders/ship");
    }

    private static void assertError(Response r, int status, String code) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.<String>path("code")).isEqualTo(code);
    }

    private double price(Operator op, String productCode) {
        return as(op).get("/v1/products").jsonPath()
                .getDouble("productList.find { it.productCode == '" + productCode + "' }.price");
    }

    private double shippingCost(Operator op, String area) {
        return as(op).get("/v1/products").jsonPath()
                .getDouble("shippingCostList.find { it.shippingArea == '" + area + "' }.shippingCost");
    }

    @Test
    void theQuotationPricesProductsShippingAndTax() {
        Operator op = newOperator();
        String addressId = address(op, "沖縄県");
        clock.freeze(); // frozen first, then set: set-then-freeze lets the time run between the two
        clock.set(Instant.parse("2026-03-04T05:06:07.089Z"));
        Response r = quote(op, addressId, PLAN_D, 3, DONGLE, 1);
        r.then().statusCode(201);
        assertThat(r.<String>path("orderId")).matches("20260304050607089_[0-9a-f]{8}");
        double products = 3 * price(op, PLAN_D) + price(op, DONGLE);
        double shipping = shippingCost(op, "okinawa");
        assertThat(r.jsonPath().getDouble("orderItemList[0].productAmount")).isEqualTo(3 * price(op, PLAN_D));
        assertThat(r.jsonPath().getInt("orderItemList[0].quantity")).isEqualTo(3);
        assertThat(r.<String>path("orderItemList[0].product.productCode")).isEqualTo(PLAN_D);
        assertThat(r.jsonPath().getDouble("orderItemList[1].productAmount")).isEqualTo(price(op, DONGLE));
        assertThat(r.jsonPath().getDouble("shippingCost")).isEqualTo(shipping);
        double tax = Math.floor((products + shipping) * 0.10);
        assertThat(r.jsonPath().getDouble("taxAmount")).isEqualTo(tax);
        assertThat(r.jsonPath().getDouble("totalAmount")).isEqualTo(products + shipping + tax);
        assertThat(r.<String>path("currency")).isEqualTo("JPY");
        assertThat(r.<String>path("shippingAddressId")).isEqualTo(addressId);
        assertThat(r.<String>path("shippingAddress.state")).isEqualTo("沖縄県");

        Response got = as(op).get("/v1/orders/" + r.path("orderId"));
        got.then().statusCode(200);
        assertThat(got.jsonPath().getDouble("totalAmount")).isEqualTo(products + shipping + tax);
        assertThat(got.<String>path("orderStatus")).isNull();
        assertThat(as(op).get("/v1/orders").<List<?>>path("orderList")).isEmpty();
    }

    @Test
    void quotationsAreValidated() {
        Operator op = newOperator();
        String addressId = address(op, "東京都");
        assertError(quote(op, addressId, "0000000000000", 1), 400, "ORD0001");
        assertError(quote(op, addressId, PLAN_D, 0), 400, "ORD0002");
        assertError(quote(op, addressId, PLAN_D, 101), 400, "ORD0002");
        assertError(quote(op, addressId, PLAN01S_10_PACK, 11), 400, "ORD0002");
        quote(op, addressId, PLAN_D, 100).then().statusCode(201);
        assertError(quote(op, addressId), 400, "ORD0006");
        assertError(quote(op, null, PLAN_D, 1), 400, "ORD0003");
        assertError(quote(op, "no-such-address", PLAN_D, 1), 400, "ORD0003");
        Operator other = newOperator();
        assertError(quote(other, addressId, PLAN_D, 1), 400, "ORD0003");
    }

    @Test
    void confirmingNeedsAPaymentMethod() {
        Operator op = newOperator(false);
        String orderId = order(op, address(op, "東京都"), PLAN_D, 1);
        assertError(as(op).put("/v1/orders/" + orderId + "/confirm"), 400, "PAY0001");
        assertThat(as(op).get("/v1/orders/" + orderId).<String>path("orderStatus")).isNull();
    }

    @Test
    void ordersAreCancelledOnlyBeforeShipping() {
        Operator op = newOperator();
        String addressId = address(op, "東京都");

        String quotation = order(op, addressId, PLAN_D, 1);
        as(op).put("/v1/orders/" + quotation + "/cancel").then().statusCode(204);
        assertThat(as(op).get("/v1/orders/" + quotation).<String>path("orderStatus")).isEqualTo("cancelled");
        assertError(as(op).put("/v1/orders/" + quotation + "/confirm"), 400, "ORD0005");
        assertError(as(op).put("/v1/orders/" + quotation + "/cancel"), 400, "ORD0005");

        String confirmed = order(op, addressId, PLAN_D, 1);
        as(op).put("/v1/orders/" + confirmed + "/confirm").then().statusCode(200);
        as(op).put("/v1/orders/" + confirmed + "/cancel").then().statusCode(204);
        Response cancelled = as(op).get("/v1/orders/" + confirmed);
        assertThat(cancelled.<String>path("orderStatus")).isEqualTo("cancelled");
        assertThat(cancelled.<String>path("paymentStatus")).isEqualTo("cancelled");
        assertError(ship(op, op.operatorId(), confirmed), 400, "SBX1006");

        String shipped = order(op, addressId, PLAN_D, 1);
        as(op).put("/v1/orders/" + shipped + "/confirm").then().statusCode(200);
        ship(op, op.operatorId(), shipped).then().statusCode(200);
        assertError(as(op).put("/v1/orders/" + shipped + "/cancel"), 400, "ORD0005");
        assertThat(as(op).get("/v1/orders/" + shipped).<String>path("orderStatus")).isEqualTo("shipped");
        as(op).put("/v1/orders/nope/cancel").then().statusCode(404);
    }

    @Test
    void shippingRefusesUnknownUnconfirmedAndOtherOperatorsOrders() {
        Operator op = newOperator();
        String orderId = order(op, address(op, "東京都"), PLAN_D, 1);
        Response unknown = ship(op, op.operatorId(), "20260101000000000_deadbeef");
        assertError(unknown, 400, "SBX1005");
        assertThat(unknown.<String>path("message")).isEqualTo("Order does not exist.");
        assertError(ship(op, op.operatorId(), orderId), 400, "SBX1006");
        as(op).put("/v1/orders/" + orderId + "/confirm").then().statusCode(200);
        Operator other = newOperator();
        assertError(ship(op, other.operatorId(), orderId), 400, "AUM0016");
        assertError(ship(other, other.operatorId(), orderId), 400, "SBX1005");
        ship(op, op.operatorId(), orderId).then().statusCode(200);
        assertError(ship(op, op.operatorId(), orderId), 400, "SBX1006");
    }

    @Test
    void anotherOperatorsOrderIsNotFound() {
        Operator alice = newOperator();
        Operator bob = newOperator();
        String orderId = order(alice, address(alice, "東京都"), PLAN_D, 1);
        as(alice).put("/v1/orders/" + orderId + "/confirm").then().statusCode(200);
        assertError(as(bob).get("/v1/orders/" + orderId), 404, "ORD0004");
        as(bob).put("/v1/orders/" + orderId + "/confirm").then().statusCode(404);
        as(bob).put("/v1/orders/" + orderId + "/cancel").then().statusCode(404);
        as(bob).get("/v1/orders/" + orderId + "/subscribers").then().statusCode(404);
        as(bob).post("/v1/orders/" + orderId + "/subscribers/register").then().statusCode(404);
        as(bob).contentType(ContentType.JSON).body(Map.of("simInitialSettings", Map.of()))
                .put("/v1/orders/" + orderId + "/resource_initial_setting").then().statusCode(404);
        assertThat(as(bob).get("/v1/orders").<List<?>>path("orderList")).isEmpty();
        assertThat(as(alice).get("/v1/orders").<List<String>>path("orderList.orderId")).containsExactly(orderId);
        as(alice).get("/v1/orders/" + orderId).then().statusCode(200);
    }

    @Test
    void shippingMintsOneSimPerSimUnit() {
        Operator op = newOperator();
        String orderId = order(op, address(op, "東京都"), PLAN01S_10_PACK, 2, DONGLE, 1, "4573326590259", 1);
        as(op).put("/v1/orders/" + orderId + "/confirm").then().statusCode(200);
        ship(op, op.operatorId(), orderId).then().statusCode(200);
        List<String> imsis = as(op).get("/v1/orders/" + orderId + "/subscribers").path("orderedSubscriberList.imsi");
        assertThat(imsis).hasSize(21).doesNotHaveDuplicates();
        as(op).post("/v1/orders/" + orderId + "/subscribers/register").then().statusCode(204);
        List<Map<String, Object>> subscribers = as(op).get("/v1/subscribers").path("$");
        assertThat(subscribers).extracting(s -> s.get("imsi")).containsExactlyInAnyOrderElementsOf(imsis);
        assertThat(subscribers).extracting(s -> s.get("subscription")).containsOnly("plan01s", "plan-K");
        assertThat(subscribers).filteredOn(s -> "plan-K".equals(s.get("subscription"))).hasSize(1);
        assertThat(subscribers).extracting(s -> s.get("status")).containsOnly("ready");
    }

    /** The soracom-cli end-to-end flow: address → order 3 × 4573326590013 → confirm → ship → 3 SIMs → register. */
    @Test
    void theOrderFlowFromQuotationToRegisteredSims() {
        Operator op = newOperator();
        String addressId = address(op, "東京都");
        String orderId = order(op, addressId, PLAN_D, 3);
        assertThat(as(op).get("/v1/orders/" + orderId + "/subscribers").<List<?>>path("orderedSubscriberList")).isEmpty();
        assertError(as(op).post("/v1/orders/" + orderId + "/subscribers/register"), 400, "ORD0005");

        clock.freeze(); // frozen first, then set: set-then-freeze lets the time run between the two
        clock.set(Instant.parse("2026-05-06T07:08:09Z"));
        Response confirmed = as(op).put("/v1/orders/" + orderId + "/confirm");
        confirmed.then().statusCode(200);
        assertThat(confirmed.<String>path("orderId")).isEqualTo(orderId);
        assertThat(confirmed.<String>path("orderStatus")).isEqualTo("ordered");
        assertThat(confirmed.<String>path("paymentStatus")).isEqualTo("paying");
        assertThat(confirmed.<String>path("orderDateTime")).isEqualTo("20260506070809");
        assertError(as(op).put("/v1/orders/" + orderId + "/confirm"), 400, "ORD0005");
        assertThat(as(op).get("/v1/orders").<List<String>>path("orderList.orderId")).containsExactly(orderId);

        String groupId = as(op).contentType(ContentType.JSON).body(Map.of("tags", Map.of("name", "Field units")))
                .post("/v1/groups").path("groupId");
        Map<String, Object> setting = Map.of("simInitialSettings",
                Map.of("plan-D", Map.of("groupId", groupId, "speedClass", "s1.fast",
                        "tags", Map.of("location", "headquarters"))));
        Response set = as(op).contentType(ContentType.JSON).body(setting).put("/v1/orders/" + orderId + "/resource_initial_setting");
        set.then().statusCode(200);
        assertThat(set.<String>path("resourceInitialSetting.simInitialSettings.plan-D.speedClass")).isEqualTo("s1.fast");

        clock.advance(Duration.ofDays(2));
        ship(op, op.operatorId(), orderId).then().statusCode(200);
        Response shipped = as(op).get("/v1/orders/" + orderId);
        assertThat(shipped.<String>path("orderStatus")).isEqualTo("shipped");
        assertThat(shipped.<String>path("paymentStatus")).isEqualTo("paid");
        assertThat(shipped.<String>path("shippingDateTime")).isEqualTo("20260508070809");
        assertThat(shipped.<String>path("orderDateTime")).isEqualTo("20260506070809");

        Response sims = as(op).get("/v1/orders/" + orderId + "/subscribers");
        sims.then().statusCode(200);
        List<Map<String, Object>> list = sims.path("orderedSubscriberList");
        assertThat(list).hasSize(3);
        assertThat(list).allSatisfy(s -> {
            assertThat((String) s.get("imsi")).matches("00101\\d{10}");
            assertThat(s.get("iccid")).isEqualTo(s.get("imsi"));
            assertThat(s.get("simId")).isEqualTo(s.get("imsi"));
            assertThat((String) s.get("msisdn")).matches("999\\d{9}");
            assertThat((String) s.get("serialNumber")).matches("TS\\d{13}");
        });
        assertThat(new HashSet<>(list.stream().map(s -> s.get("imsi")).toList())).hasSize(3);

        // paged as soracom-cli's --fetch-all pages it: x-soracom-next-key until the last page, which has none
        List<Object> paged = new java.util.ArrayList<>();
        String key = null;
        int pages = 0;
        do {
            var request = as(op).queryParam("limit", 2);
            if (key != null) {
                request = request.queryParam("last_evaluated_key", key);
            }
            Response page = request.get("/v1/orders/" + orderId + "/subscribers");
            page.then().statusCode(200);
            paged.addAll(page.<List<Object>>path("orderedSubscriberList.imsi"));
            key = page.header("x-soracom-next-key");
            pages++;
        } while (key != null && pages < 10);
        assertThat(pages).isEqualTo(2);
        assertThat(paged).containsExactlyElementsOf(list.stream().map(s -> s.get("imsi")).toList());
        assertThat(as(op).queryParam("last_evaluated_key", "001019999999999").get("/v1/orders/" + orderId + "/subscribers")
                .<List<?>>path("orderedSubscriberList")).isEmpty();

        as(op).post("/v1/orders/" + orderId + "/subscribers/register").then().statusCode(204);
        // GET /v1/subscribers?limit=1 followed to the end finds exactly the 3 ordered SIMs, set up as ordered
        List<Map<String, Object>> registered = new java.util.ArrayList<>();
        String next = null;
        for (int page = 0; page < 10; page++) {
            var request = as(op).queryParam("limit", 1);
            if (next != null) {
                request.queryParam("last_evaluated_key", next);
            }
            Response r = request.get("/v1/subscribers");
            r.then().statusCode(200);
            registered.addAll(r.path("$"));
            next = r.header("x-soracom-next-key");
            if (next == null) {
                break;
            }
        }
        assertThat(registered).extracting(s -> s.get("imsi"))
                .containsExactlyInAnyOrderElementsOf(list.stream().map(s -> s.get("imsi")).toList());
        assertThat(registered).allSatisfy(s -> {
            assertThat(s.get("status")).isEqualTo("ready");
            assertThat(s.get("subscription")).isEqualTo("plan-D");
            assertThat(s.get("speedClass")).isEqualTo("s1.fast");
            assertThat(s.get("groupId")).isEqualTo(groupId);
            assertThat(s.get("operatorId")).isEqualTo(op.operatorId());
            assertThat(((Map<?, ?>) s.get("tags")).get("location")).isEqualTo("headquarters");
        });

        assertError(as(op).post("/v1/orders/" + orderId + "/subscribers/register"), 400, "ORD0007");
        assertError(as(op).contentType(ContentType.JSON).body(setting).put("/v1/orders/" + orderId + "/resource_initial_setting"),
                400, "ORD0007");
    }

    @Test
    void deletingTheSandboxOperatorDeletesItsCommerceState() {
        Operator op = newOperator();
        String orderId = order(op, address(op, "東京都"), PLAN_D, 2);
        as(op).put("/v1/orders/" + orderId + "/confirm").then().statusCode(200);
        ship(op, op.operatorId(), orderId).then().statusCode(200);
        as(op).contentType(ContentType.JSON).body(Map.of("amount", 100, "applicableBillItemName", "dailyChargeTotal",
                "expiryYearMonth", "209912")).post("/v1/sandbox/coupons/create").then().statusCode(200);
        as(op).contentType(ContentType.JSON).body(Map.of("amount", 100)).post("/v1/coupons").then().statusCode(201);
        as(op).delete("/v1/sandbox/operators/" + op.operatorId()).then().statusCode(200);
    }
}
