package dev.soracommock.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The product catalogue and shipping addresses, through HTTP. */
class ProductAndShippingAddressTest extends ApiTest {

    static Map<String, Object> tokyoAddress() {
        Map<String, Object> a = new HashMap<>();
        a.put("fullName", "Soracom Taro");
        a.put("zipCode", "107-0052");
        a.put("state", "東京都");
        a.put("city", "港区");
        a.put("addressLine1", "赤坂 1-2-3");
        a.put("phoneNumber", "03-0000-0000");
        return a;
    }

    private String addresses(Operator op) {
        return "/v1/operators/" + op.operatorId() + "/shipping_addresses";
    }

    private Response create(Operator op, Map<String, Object> address) {
        return as(op).contentType(ContentType.JSON).body(address).post(addresses(op));
    }

    @Test
    void productsComeFromTheCatalogueWithShippingCosts() {
        Operator op = newOperator();
        Response r = as(op).get("/v1/products");
        r.then().statusCode(200);
        List<Map<String, Object>> products = r.path("productList");
        assertThat(products).extracting(p -> p.get("productCode")).contains("4573326590013", "4573326590259");
        Map<String, Object> plainD = products.stream().filter(p -> p.get("productCode").equals("4573326590013")).findFirst().orElseThrow();
        assertThat(plainD).containsEntry("productType", "sim").containsEntry("currency", "JPY").containsKey("maxQuantity");
        assertThat(((Number) plainD.get("price")).doubleValue()).isPositive();
        Map<String, Object> planK = products.stream().filter(p -> p.get("productCode").equals("4573326590259")).findFirst().orElseThrow();
        assertThat((String) planK.get("productName")).contains("plan-K").contains("Nano");
        List<Map<String, Object>> costs = r.path("shippingCostList");
        assertThat(costs).extracting(c -> c.get("shippingArea")).containsExactlyInAnyOrder("hokkaido", "kita_tohoku",
                "minami_tohoku", "kanto", "shinetsu", "chubu", "hokuriku", "kansai", "chugoku", "shikoku", "kyushu", "okinawa");
        assertThat(costs).allSatisfy(c -> assertThat(((Number) c.get("shippingCost")).doubleValue()).isPositive());
    }

    @Test
    void anAddressIsCreatedReadListedUpdatedAndDeleted() {
        Operator op = newOperator();
        Response created = create(op, tokyoAddress());
        created.then().statusCode(201);
        String id = created.path("shippingAddressId");
        assertThat(id).isNotBlank();
        assertThat(created.<String>path("shippingArea")).isEqualTo("kanto");
        assertThat(created.<String>path("zipCode")).isEqualTo("107-0052");

        Response got = as(op).get(addresses(op) + "/" + id);
        got.then().statusCode(200);
        assertThat(got.<String>path("city")).isEqualTo("港区");
        assertThat(got.<String>path("fullName")).isEqualTo("Soracom Taro");

        Map<String, Object> moved = tokyoAddress();
        moved.put("state", "Osaka-fu");
        moved.put("city", "Osaka");
        moved.put("zipCode", "5300001");
        as(op).contentType(ContentType.JSON).body(moved).put(addresses(op) + "/" + id).then().statusCode(200);
        Response after = as(op).get(addresses(op) + "/" + id);
        assertThat(after.<String>path("shippingArea")).isEqualTo("kansai");
        assertThat(after.<String>path("state")).isEqualTo("Osaka-fu");

        create(op, tokyoAddress()).then().statusCode(201);
        Response list = as(op).get(addresses(op));
        list.then().statusCode(200);
        assertThat(list.<List<String>>path("shippingAddresses.shippingAddressId")).hasSize(2).first().isEqualTo(id);

        as(op).delete(addresses(op) + "/" + id).then().statusCode(200);
        Response gone = as(op).get(addresses(op) + "/" + id);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.<String>path("code")).isEqualTo("ORD0010");
        as(op).delete(addresses(op) + "/" + id).then().statusCode(404);
        as(op).contentType(ContentType.JSON).body(tokyoAddress()).put(addresses(op) + "/" + id).then().statusCode(404);
        assertThat(as(op).get(addresses(op)).<List<String>>path("shippingAddresses")).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"東京都,kanto", "東京,kanto", "Tokyo,kanto", "tokyo-to,kanto", "Tōkyō,kanto", "北海道,hokkaido",
            "Hokkaido,hokkaido", "青森県,kita_tohoku", "Miyagi-ken,minami_tohoku", "新潟県,shinetsu", "Aichi Prefecture,chubu",
            "石川,hokuriku", "Kyoto-fu,kansai", "Hyogo,kansai", "広島県,chugoku", "Kochi,shikoku", "鹿児島県,kyushu",
            "Okinawa,okinawa", "長野県,shinetsu", "山梨県,kanto"})
    void thePrefectureGivesTheShippingArea(String state, String area) {
        Operator op = newOperator();
        Map<String, Object> a = tokyoAddress();
        a.put("state", state);
        Response r = create(op, a);
        r.then().statusCode(201);
        assertThat(r.<String>path("shippingArea")).isEqualTo(area);
    }

    @Test
    void unknownPrefecturesAndBadPostalCodesAreRefused() {
        Operator op = newOperator();
        for (String state : List.of("California", "東京府", "Kanto", " ")) {
            Map<String, Object> a = tokyoAddress();
            a.put("state", state);
            Response r = create(op, a);
            assertThat(r.statusCode()).as(state).isEqualTo(400);
            assertThat(r.<String>path("code")).as(state).isIn("ORD0012", "COM0008");
        }
        for (String zip : List.of("123456", "12345678", "123-45678", "abc-defg", "1234-567", "〒1234567")) {
            Map<String, Object> a = tokyoAddress();
            a.put("zipCode", zip);
            Response r = create(op, a);
            assertThat(r.statusCode()).as(zip).isEqualTo(400);
            assertThat(r.<String>path("code")).as(zip).isEqualTo("ORD0011");
        }
        Map<String, Object> nowhere = tokyoAddress();
        nowhere.put("state", "Atlantis");
        Response ja = as(op).header("X-Soracom-Lang", "ja").contentType(ContentType.JSON).body(nowhere).post(addresses(op));
        assertThat(ja.statusCode()).isEqualTo(400);
        assertThat(ja.<String>path("message")).isEqualTo("都道府県が正しくありません: Atlantis");
        for (String zip : List.of("1234567", "123-4567")) {
            Map<String, Object> a = tokyoAddress();
            a.put("zipCode", zip);
            create(op, a).then().statusCode(201);
        }
        assertThat(as(op).get(addresses(op)).<List<String>>path("shippingAddresses")).hasSize(2);
    }

    @Test
    void requiredFieldsAreRequired() {
        Operator op = newOperator();
        for (String field : List.of("addressLine1", "city", "state", "zipCode", "phoneNumber")) {
            Map<String, Object> a = tokyoAddress();
            a.remove(field);
            Response r = create(op, a);
            assertThat(r.statusCode()).as(field).isEqualTo(400);
            assertThat(r.<String>path("code")).as(field).isEqualTo("COM0008");
            assertThat(r.<String>path("message")).as(field).contains(field);
            a.put(field, "");
            Response blank = create(op, a);
            assertThat(blank.statusCode()).as(field).isEqualTo(400);
        }
    }

    @Test
    void anotherOperatorsAddressIsNotFound() {
        Operator alice = newOperator();
        Operator bob = newOperator();
        String id = create(alice, tokyoAddress()).path("shippingAddressId");
        as(bob).get(addresses(bob) + "/" + id).then().statusCode(404);
        as(bob).delete(addresses(bob) + "/" + id).then().statusCode(404);
        as(bob).contentType(ContentType.JSON).body(tokyoAddress()).put(addresses(bob) + "/" + id).then().statusCode(404);
        assertThat(as(bob).get(addresses(bob)).<List<String>>path("shippingAddresses")).isEmpty();
        // and bob cannot reach alice's addresses through her operator ID
        as(bob).get(addresses(alice) + "/" + id).then().statusCode(400);
        as(alice).get(addresses(alice) + "/" + id).then().statusCode(200);
    }
}
