package dev.soracommock.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.clock.MockClock;
import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The State tag of the control API through HTTP: one operator's reset, export and import of the whole state, fork.
 */
class StateApiTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    private String group(Operator op, String name) {
        Response r = as(op).contentType(ContentType.JSON).body(Map.of("tags", Map.of("name", name))).post("/v1/groups");
        r.then().statusCode(201);
        return r.path("groupId");
    }

    private void setGroup(Operator op, String imsi, String groupId) {
        as(op).contentType(ContentType.JSON).body(Map.of("groupId", groupId)).post("/v1/subscribers/" + imsi + "/set_group")
                .then().statusCode(200);
    }

    private void tag(Operator op, String imsi, String name, String value) {
        as(op).contentType(ContentType.JSON).body(List.of(Map.of("tagName", name, "tagValue", value)))
                .put("/v1/subscribers/" + imsi + "/tags").then().statusCode(200);
    }

    private void samUser(Operator op, String name) {
        as(op).contentType(ContentType.JSON).body(Map.of("description", "a user"))
                .post("/v1/operators/" + op.operatorId() + "/users/" + name).then().statusCode(201);
    }

    private Response login(String email, String password) {
        return api().contentType(ContentType.JSON).body(Map.of("email", email, "password", password)).post("/v1/auth");
    }

    private Operator loggedIn(String email, String password) {
        Response r = login(email, password);
        r.then().statusCode(200);
        return new Operator(r.path("operatorId"), r.path("apiKey"), r.path("token"), email, password);
    }

    private static void assertError(Response r, int status, String code) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.<String>path("code")).as(r.asString()).isEqualTo(code);
        assertThat(r.<String>path("message")).isNotBlank();
    }

    private String exportText() {
        Response r = api().get("/_mock/state");
        r.then().statusCode(200);
        return r.asString();
    }

    private Response importState(Object document) {
        return api().contentType(ContentType.JSON).body(document instanceof String s ? s : JSON.writeValueAsString(document))
                .post("/_mock/state");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> doc, String table) {
        return (List<Map<String, Object>>) ((Map<String, Object>) doc.get("tables")).get(table);
    }

    // ---- one operator's reset -----------------------------------------------------------------------------------------

    @Test
    void operatorResetRemovesWhatItOwnsAndKeepsItsLoginAndOtherOperators() {
        Operator alice = newOperator();
        Operator bob = newOperator();
        String aliceSim = registeredSim(alice);
        tag(alice, aliceSim, "room", "101");
        setGroup(alice, aliceSim, group(alice, "sensors"));
        samUser(alice, "ops");
        as(alice).contentType(ContentType.JSON).body(Map.of("password", "ops-p4ssword!"))
                .post("/v1/operators/" + alice.operatorId() + "/users/ops/password").then().statusCode(201);
        Response opsLogin = api().contentType(ContentType.JSON)
                .body(Map.of("operatorId", alice.operatorId(), "userName", "ops", "password", "ops-p4ssword!")).post("/v1/auth");
        opsLogin.then().statusCode(200);
        Operator ops = new Operator(alice.operatorId(), opsLogin.path("apiKey"), opsLogin.path("token"), null, null);
        // authenticated (it has no permissions yet: 403, not 401)
        assertError(as(ops).get("/v1/operators/" + alice.operatorId() + "/users/ops"), 403, "AUM0020");
        String bobSim = registeredSim(bob);
        String bobGroup = group(bob, "bob's");

        Response reset = api().post("/_mock/operators/" + alice.operatorId() + "/reset");
        reset.then().statusCode(200);
        assertThat(reset.<String>path("operatorId")).isEqualTo(alice.operatorId());
        assertThat(reset.jsonPath().getLong("rows")).isGreaterThanOrEqualTo(5);

        // the token issued before the reset still works, and sees nothing
        Response sims = as(alice).get("/v1/subscribers");
        sims.then().statusCode(200);
        assertThat(sims.<List<?>>path("$")).isEmpty();
        assertThat(as(alice).get("/v1/groups").<List<?>>path("$")).isEmpty();
        assertThat(as(alice).get("/v1/operators/" + alice.operatorId() + "/users").<List<?>>path("$")).isEmpty();
        as(alice).get("/v1/subscribers/" + aliceSim).then().statusCode(404);
        // the SAM user went with its keys, although its key had just been used
        assertError(as(ops).get("/v1/operators/" + alice.operatorId() + "/users/ops"), 401, "AUM0009");
        // so do a new login and the operator itself
        Operator again = loggedIn(alice.email(), alice.password());
        assertThat(again.operatorId()).isEqualTo(alice.operatorId());
        as(again).get("/v1/operators/" + alice.operatorId()).then().statusCode(200);

        // bob's are untouched
        assertThat(as(bob).get("/v1/subscribers").<List<String>>path("imsi")).containsExactly(bobSim);
        assertThat(as(bob).get("/v1/groups").<List<String>>path("groupId")).containsExactly(bobGroup);

        // alice starts over
        String fresh = registeredSim(alice);
        assertThat(as(alice).get("/v1/subscribers").<List<String>>path("imsi")).containsExactly(fresh);
    }

    @Test
    void resettingAnUnknownOperatorIs404() {
        assertError(api().post("/_mock/operators/OP9999999999/reset"), 404, "MCK0101");
        assertError(api().contentType(ContentType.JSON).body(Map.of("count", 1)).post("/_mock/operators/OP9999999999/fork"),
                404, "MCK0101");
    }

    // ---- export and import ------------------------------------------------------------------------------------------

    @Test
    void exportResetImportGivesBackTheSameStateAndTheSameAnswers() {
        clock.freeze();
        Operator op = newOperator();
        String a = registeredSim(op);
        String b = registeredSim(op);
        tag(op, a, "room", "101");
        String g = group(op, "sensors");
        setGroup(op, a, g);
        samUser(op, "ops");
        as(op).contentType(ContentType.JSON).body(Map.of("amount", 1000, "applicableBillItemName", "dailyChargeTotal",
                "expiryYearMonth", "209912")).post("/v1/sandbox/coupons/create").then().statusCode(200);
        as(op).contentType(ContentType.JSON).body(Map.of("unixtime", clock.nowSeconds() - 600, "dataTrafficStatsMap",
                Map.of("s1.fast", Map.of("uploadByteSizeTotal", 100, "downloadByteSizeTotal", 1000))))
                .post("/v1/sandbox/stats/air/subscribers/" + b).then().statusCode(200);
        String simsBefore = as(op).get("/v1/subscribers").asString();
        String groupsBefore = as(op).get("/v1/groups").asString();
        String historyBefore = as(op).get("/v1/sims/" + a + "/statuses/history").asString();

        String first = exportText();
        Map<String, Object> doc = StateJson.parse(first);
        assertThat(doc.get("format")).isEqualTo("soracom-mock-state");
        assertThat(doc.get("version")).isInstanceOf(Integer.class);
        assertThat((Map<String, ?>) doc.get("tables")).containsKeys("operator", "sim", "sim_subscription", "sim_group",
                "server_secret").doesNotContainKey("flyway_schema_history");
        assertThat(rows(doc, "coupon")).anySatisfy(row -> assertThat(row.get("amount")).isInstanceOf(Number.class));

        api().post("/_mock/reset").then().statusCode(200);
        as(op).get("/v1/subscribers").then().statusCode(401);

        Response imported = importState(first);
        imported.then().statusCode(200);
        assertThat(imported.<Boolean>path("imported")).isTrue();
        assertThat(imported.jsonPath().getLong("rows")).isGreaterThan(10);

        Map<String, Object> second = StateJson.parse(exportText());
        assertThat(second.get("tables")).isEqualTo(doc.get("tables"));
        assertThat(second.get("version")).isEqualTo(doc.get("version"));
        assertThat(second.get("clock")).isEqualTo(doc.get("clock"));

        // the token issued before the export still works and the API answers the same
        assertThat(as(op).get("/v1/subscribers").asString()).isEqualTo(simsBefore);
        assertThat(as(op).get("/v1/groups").asString()).isEqualTo(groupsBefore);
        assertThat(as(op).get("/v1/sims/" + a + "/statuses/history").asString()).isEqualTo(historyBefore);
        loggedIn(op.email(), op.password());

        // new rows continue after the imported ones (identity columns) and do not collide
        as(op).contentType(ContentType.JSON).body(Map.of("speedClass", "s1.slow"))
                .post("/v1/subscribers/" + b + "/update_speed_class").then().statusCode(200);
        assertThat(registeredSim(op)).isNotIn(a, b);
        assertThat(as(op).get("/v1/subscribers").<List<?>>path("$")).hasSize(3);
    }

    @Test
    void theClockComesBackFromTheDocument() {
        String text = exportText();
        Map<String, Object> doc = StateJson.parse(text);
        doc.put("clock", Map.of("now", "2031-02-03T04:05:06Z", "epochMillis", 1_927_858_706_000L, "frozen", true));
        importState(doc).then().statusCode(200);
        Response c = api().get("/_mock/clock");
        assertThat(c.<String>path("now")).isEqualTo("2031-02-03T04:05:06Z");
        assertThat(c.<Boolean>path("frozen")).isTrue();
    }

    @Test
    void aBadDocumentIs400AndChangesNothing() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        String before = exportText();
        Map<String, Object> good = StateJson.parse(before);
        int version = (Integer) good.get("version");

        List<Consumer<Map<String, Object>>> breakages = new ArrayList<>();
        breakages.add(d -> d.put("version", version + 1));
        breakages.add(d -> ((Map<String, Object>) d.get("tables")).put("no_such_table", List.of(Map.of("a", 1))));
        breakages.add(d -> rows(d, "sim").get(0).put("no_such_column", "x"));
        breakages.add(d -> rows(d, "sim").get(0).put("created_at", "yesterday"));
        breakages.add(d -> rows(d, "sim").get(0).put("online", "yes"));
        // constraints: a duplicate primary key, a row whose parent is missing, a missing NOT NULL value
        breakages.add(d -> rows(d, "sim").add(new HashMap<>(rows(d, "sim").get(0))));
        breakages.add(d -> {
            Map<String, Object> orphan = new HashMap<>(rows(d, "sim_tag").isEmpty() ? Map.of() : rows(d, "sim_tag").get(0));
            orphan.putAll(Map.of("sim_id", "no-such-sim", "tag_name", "x", "tag_value", "y"));
            rows(d, "sim_tag").add(orphan);
        });
        breakages.add(d -> rows(d, "sim").get(0).put("status", null));
        breakages.add(d -> d.put("tables", Map.of("flyway_schema_history", List.of())));

        for (Consumer<Map<String, Object>> breakage : breakages) {
            Map<String, Object> bad = StateJson.parse(before);
            breakage.accept(bad);
            Response r = importState(bad);
            assertError(r, 400, "MCK0102");
            assertThat(StateJson.parse(exportText()).get("tables")).as(r.asString()).isEqualTo(good.get("tables"));
        }
        // a wrong format is refused by the contract
        Map<String, Object> wrongFormat = StateJson.parse(before);
        wrongFormat.put("format", "something-else");
        assertError(importState(wrongFormat), 400, "COM0008");
        assertError(importState("{\"format\":\"soracom-mock-state\""), 400, "COM0001");

        assertThat(StateJson.parse(exportText()).get("tables")).isEqualTo(good.get("tables"));
        assertThat(as(op).get("/v1/subscribers").<List<String>>path("imsi")).containsExactly(imsi);
    }

    // ---- fork ---------------------------------------------------------------------------------------------------------

    @Test
    void forkedOperatorsHaveTheirOwnCopyAndTheirOwnCredentials() {
        Operator source = newOperator();
        String a = registeredSim(source);
        String b = registeredSim(source);
        tag(source, a, "room", "101");
        String g = group(source, "sensors");
        setGroup(source, a, g);
        samUser(source, "ops");
        JsonPath sourceSims = as(source).get("/v1/subscribers").jsonPath();

        Response r = api().contentType(ContentType.JSON).body(Map.of("count", 2))
                .post("/_mock/operators/" + source.operatorId() + "/fork");
        r.then().statusCode(201);
        List<Map<String, String>> forks = r.path("$");
        assertThat(forks).hasSize(2);
        assertThat(forks).extracting(f -> f.get("operatorId")).doesNotHaveDuplicates().doesNotContain(source.operatorId());

        List<String> seenImsis = new ArrayList<>(List.of(a, b));
        for (Map<String, String> f : forks) {
            assertThat(f.get("email")).isNotEqualTo(source.email());
            // the API key and token of the answer work, and so do a login by password and by auth key
            Operator ready = new Operator(f.get("operatorId"), f.get("apiKey"), f.get("token"), f.get("email"), f.get("password"));
            Operator byPassword = loggedIn(f.get("email"), f.get("password"));
            assertThat(byPassword.operatorId()).isEqualTo(f.get("operatorId"));
            Response byKey = api().contentType(ContentType.JSON)
                    .body(Map.of("authKeyId", f.get("authKeyId"), "authKey", f.get("authKey"))).post("/v1/auth");
            byKey.then().statusCode(200);
            assertThat(byKey.<String>path("operatorId")).isEqualTo(f.get("operatorId"));

            JsonPath sims = as(ready).get("/v1/subscribers").jsonPath();
            List<String> imsis = sims.getList("imsi");
            assertThat(imsis).hasSize(2).doesNotContainAnyElementsOf(seenImsis);
            seenImsis.addAll(imsis);
            assertThat(sims.getList("operatorId", String.class)).containsOnly(f.get("operatorId"));
            assertThat(sims.getList("speedClass")).isEqualTo(sourceSims.getList("speedClass"));
            assertThat(sims.getList("status")).isEqualTo(sourceSims.getList("status"));
            assertThat(sims.getList("subscription")).isEqualTo(sourceSims.getList("subscription"));
            assertThat(sims.getList("msisdn")).doesNotContainAnyElementsOf(sourceSims.getList("msisdn"));
            assertThat(sims.getList("serialNumber")).doesNotContainAnyElementsOf(sourceSims.getList("serialNumber"));

            List<Map<String, Object>> groups = as(ready).get("/v1/groups").path("$");
            assertThat(groups).hasSize(1);
            String forkGroup = (String) groups.get(0).get("groupId");
            assertThat(forkGroup).isNotEqualTo(g).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            String tagged = sims.getString("find { it.tags.room == '101' }.imsi");
            assertThat(tagged).isNotNull();
            assertThat(sims.getString("find { it.tags.room == '101' }.groupId")).isEqualTo(forkGroup);
            assertThat(tagged).matches("00101\\d{10}");
            assertThat(as(ready).get("/v1/operators/" + f.get("operatorId") + "/users").<List<String>>path("userName"))
                    .containsExactly("ops");

            // the fork's SIM changes alone
            tag(ready, tagged, "room", "fork");
            as(ready).contentType(ContentType.JSON).body(Map.of("speedClass", "s1.slow"))
                    .post("/v1/subscribers/" + tagged + "/update_speed_class").then().statusCode(200);
            // the source cannot see the fork's SIMs
            as(source).get("/v1/subscribers/" + tagged).then().statusCode(404);
        }
        JsonPath after = as(source).get("/v1/subscribers").jsonPath();
        assertThat(after.getString("find { it.imsi == '" + a + "' }.tags.room")).isEqualTo("101");
        assertThat(after.getList("speedClass")).isEqualTo(sourceSims.getList("speedClass"));
        assertThat(as(source).get("/v1/groups").<List<String>>path("groupId")).containsExactly(g);
    }

    @Test
    void forkCountIsChecked() {
        Operator source = newOperator();
        String path = "/_mock/operators/" + source.operatorId() + "/fork";
        assertError(api().contentType(ContentType.JSON).body(Map.of("count", 0)).post(path), 400, "COM0008");
        assertError(api().contentType(ContentType.JSON).body(Map.of("count", 101)).post(path), 400, "COM0008");
        Response one = api().contentType(ContentType.JSON).post(path);
        one.then().statusCode(201);
        assertThat(one.<List<?>>path("$")).hasSize(1);
    }
}
