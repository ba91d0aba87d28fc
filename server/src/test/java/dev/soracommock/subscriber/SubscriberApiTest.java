package dev.soracommock.subscriber;

import static dev.soracommock.support.SoracomError.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.clock.MockClock;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Subscriber tag: the subscriber view of SIMs, through HTTP. */
class SubscriberApiTest extends SimTestSupport {

    @Autowired
    MockClock clock;

    private Response post(Operator op, String imsi, String action) {
        return as(op).post("/v1/subscribers/" + imsi + "/" + action);
    }

    private Response post(Operator op, String imsi, String action, Object body) {
        return as(op).contentType(ContentType.JSON).body(body).post("/v1/subscribers/" + imsi + "/" + action);
    }

    private String status(Operator op, String imsi) {
        return as(op).get("/v1/subscribers/" + imsi).then().statusCode(200).extract().path("status");
    }

    /** The end-to-end flow. */
    @Test
    void sandboxInitCreateRegisterListActivateSpeedSuspendTerminateQuery() {
        Operator op = newOperator();
        List<String> imsis = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            imsis.add(registeredSim(op));
        }

        List<String> listed = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            var req = as(op).queryParam("limit", 1);
            if (next != null) {
                req.queryParam("last_evaluated_key", next);
            }
            Response page = req.get("/v1/subscribers");
            page.then().statusCode(200);
            listed.addAll(page.jsonPath().getList("imsi"));
            next = page.header("x-soracom-next-key");
            pages++;
        } while (next != null && pages < 10);
        assertThat(listed).containsExactlyElementsOf(imsis.stream().sorted().toList());
        assertThat(pages).isEqualTo(3);

        String imsi = imsis.get(0);
        assertThat((String) post(op, imsi, "activate").then().statusCode(200).extract().path("status")).isEqualTo("active");
        Response speed = post(op, imsi, "update_speed_class", Map.of("speedClass", "s1.fast"));
        speed.then().statusCode(200);
        assertThat((String) speed.path("speedClass")).isEqualTo("s1.fast");
        assertThat((String) speed.path("type")).isEqualTo("s1.fast");
        assertThat((String) post(op, imsi, "suspend").then().statusCode(200).extract().path("status")).isEqualTo("suspended");
        assertThat((Boolean) post(op, imsi, "enable_termination").then().statusCode(200).extract().path("terminationEnabled")).isTrue();
        assertThat((String) post(op, imsi, "terminate").then().statusCode(200).extract().path("status")).isEqualTo("terminated");
        assertThat(status(op, imsi)).isEqualTo("terminated");

        Response found = as(op).queryParam("imsi", "00101").get("/v1/query/sims");
        found.then().statusCode(200);
        assertThat(found.jsonPath().getList("simId", String.class)).containsExactlyInAnyOrderElementsOf(imsis);
    }

    @Test
    void noLimitListsEverythingWithoutPagingHeadersAndTerminatedSimsStayListed() {
        Operator op = newOperator();
        String a = registeredSim(op);
        String b = registeredSim(op);
        post(op, a, "enable_termination").then().statusCode(200);
        post(op, a, "terminate").then().statusCode(200);

        Response r = as(op).get("/v1/subscribers");
        r.then().statusCode(200);
        assertThat(r.jsonPath().getList("imsi", String.class)).containsExactlyInAnyOrder(a, b);
        assertThat(r.header("x-soracom-next-key")).isNull();
        assertThat(r.header("Link")).isNull();
    }

    @Test
    void listFiltersByTagStatusSpeedClassAndSerialNumber() {
        Operator op = newOperator();
        String a = registeredSim(op);
        String b = registeredSim(op);
        as(op).contentType(ContentType.JSON).body(List.of(Map.of("tagName", "env", "tagValue", "production")))
                .put("/v1/subscribers/" + a + "/tags").then().statusCode(200);
        as(op).contentType(ContentType.JSON).body(List.of(Map.of("tagName", "env", "tagValue", "prod-eu")))
                .put("/v1/subscribers/" + b + "/tags").then().statusCode(200);
        post(op, b, "activate").then().statusCode(200);

        assertThat(imsis(as(op).queryParam("tag_name", "env").queryParam("tag_value", "production").get("/v1/subscribers")))
                .containsExactly(a);
        assertThat(imsis(as(op).queryParam("tag_name", "env").queryParam("tag_value", "prod")
                .queryParam("tag_value_match_mode", "prefix").get("/v1/subscribers"))).containsExactlyInAnyOrder(a, b);
        assertThat(imsis(as(op).queryParam("status_filter", "active").get("/v1/subscribers"))).containsExactly(b);
        assertThat(imsis(as(op).queryParam("status_filter", "active|ready").get("/v1/subscribers")))
                .containsExactlyInAnyOrder(a, b);
        assertThat(imsis(as(op).queryParam("speed_class_filter", "s1.fast").get("/v1/subscribers"))).isEmpty();
        String serial = as(op).get("/v1/subscribers/" + a).path("serialNumber");
        assertThat(imsis(as(op).queryParam("serial_number_filter", serial).get("/v1/subscribers"))).containsExactly(a);
        assertError(as(op).queryParam("tag_name", "env").get("/v1/subscribers"), 400, "SEM0019");
    }

    private static List<String> imsis(Response r) {
        r.then().statusCode(200);
        return r.jsonPath().getList("imsi", String.class);
    }

    @Test
    void anotherOperatorsSubscriberIsNotFoundAndNotListed() {
        Operator owner = newOperator();
        Operator other = newOperator();
        String imsi = registeredSim(owner);

        assertError(as(other).get("/v1/subscribers/" + imsi), 404, "SEM0001");
        assertError(post(other, imsi, "activate"), 404, "SEM0001");
        assertError(as(other).contentType(ContentType.JSON).body(List.of(Map.of("tagName", "x", "tagValue", "y")))
                .put("/v1/subscribers/" + imsi + "/tags"), 404, "SEM0001");
        assertThat(imsis(as(other).get("/v1/subscribers"))).isEmpty();
        assertThat(status(owner, imsi)).isEqualTo("ready");
        assertError(as(owner).get("/v1/subscribers/001010000000000"), 404, "SEM0001");
    }

    @Test
    void statusLifecycle() {
        Operator op = newOperator();
        String imsi = registeredSim(op);

        assertThat((String) post(op, imsi, "deactivate").path("status")).isEqualTo("inactive");
        assertThat((String) post(op, imsi, "set_to_standby").path("status")).isEqualTo("standby");
        assertThat((String) post(op, imsi, "activate").path("status")).isEqualTo("active");
        assertThat((String) post(op, imsi, "deactivate").path("status")).isEqualTo("inactive");
        assertThat((String) post(op, imsi, "activate").path("status")).isEqualTo("active");
        assertThat((String) post(op, imsi, "suspend").path("status")).isEqualTo("suspended");
        assertThat((String) post(op, imsi, "set_to_standby").path("status")).isEqualTo("standby");
        assertThat((String) post(op, imsi, "suspend").path("status")).isEqualTo("suspended");
        assertThat((String) post(op, imsi, "activate").path("status")).isEqualTo("active");
    }

    @Test
    void refusedTransitionsAnswer400WithTheirOwnCodeAndChangeNothing() {
        Operator op = newOperator();
        String imsi = registeredSim(op);

        // terminate without termination enabled
        assertError(post(op, imsi, "terminate"), 400, "SEM0007");
        assertThat(status(op, imsi)).isEqualTo("ready");

        // active -> standby is not a transition of the real service
        post(op, imsi, "activate").then().statusCode(200);
        assertError(post(op, imsi, "set_to_standby"), 400, "SEM0008");
        assertThat(status(op, imsi)).isEqualTo("active");

        // plans that cannot stand by
        NewSim planD = createSandboxSim(op, Map.of("subscription", "plan-D"));
        register(op, planD).then().statusCode(200);
        assertError(post(op, planD.imsi(), "set_to_standby"), 400, "SEM0006");
        assertThat(status(op, planD.imsi())).isEqualTo("ready");

        // terminated is final
        post(op, imsi, "enable_termination").then().statusCode(200);
        post(op, imsi, "terminate").then().statusCode(200);
        for (String action : List.of("activate", "deactivate", "set_to_standby", "suspend", "terminate",
                "enable_termination", "disable_termination")) {
            assertError(post(op, imsi, action), 400, "SEM0005");
        }
        assertError(post(op, imsi, "update_speed_class", Map.of("speedClass", "s1.slow")), 400, "SEM0005");
        assertThat(status(op, imsi)).isEqualTo("terminated");
    }

    @Test
    void terminationCanBeDisabledAgain() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        assertThat((Boolean) as(op).get("/v1/subscribers/" + imsi).path("terminationEnabled")).isFalse();
        post(op, imsi, "enable_termination").then().statusCode(200);
        assertThat((Boolean) post(op, imsi, "disable_termination").path("terminationEnabled")).isFalse();
        assertError(post(op, imsi, "terminate"), 400, "SEM0007");
    }

    @Test
    void speedClassIsValidatedPerSubscription() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        assertError(post(op, imsi, "update_speed_class", Map.of("speedClass", "u1.standard")), 400, "SEM0009");
        assertThat((String) as(op).get("/v1/subscribers/" + imsi).path("speedClass")).isEqualTo("s1.standard");

        NewSim du = createSandboxSim(op, Map.of("subscription", "plan-DU"));
        register(op, du).then().statusCode(200);
        assertThat((String) post(op, du.imsi(), "update_speed_class", Map.of("speedClass", "u1.slow")).path("type"))
                .isEqualTo("u1.slow");
        assertError(post(op, du.imsi(), "update_speed_class", Map.of("speedClass", "s1.fast")), 400, "SEM0009");
    }

    @Test
    void tagsMergeAndDeleteWithPercentEncodedNames() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        String name = "soracom-sdk-go-test-tag-name-日本語$%&&?*-_.";
        as(op).contentType(ContentType.JSON).body(List.of(Map.of("tagName", "a", "tagValue", "1"),
                Map.of("tagName", name, "tagValue", "odd"))).put("/v1/subscribers/" + imsi + "/tags").then().statusCode(200);
        Response merged = as(op).contentType(ContentType.JSON).body(List.of(Map.of("tagName", "a", "tagValue", "2"),
                Map.of("tagName", "b", "tagValue", ""))).put("/v1/subscribers/" + imsi + "/tags");
        merged.then().statusCode(200);
        assertThat(merged.jsonPath().getMap("tags")).containsOnly(Map.entry("a", "2"), Map.entry("b", ""),
                Map.entry(name, "odd"));

        String encoded = java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        as(op).urlEncodingEnabled(false).delete("/v1/subscribers/" + imsi + "/tags/" + encoded).then().statusCode(204);
        assertThat(as(op).get("/v1/subscribers/" + imsi).jsonPath().getMap("tags")).containsOnlyKeys("a", "b");
        assertError(as(op).urlEncodingEnabled(false).delete("/v1/subscribers/" + imsi + "/tags/" + encoded), 404, "SEM0010");
    }

    @Test
    void groupsAreValidatedAndUnsetNeedsAGroup() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        assertError(post(op, imsi, "set_group", Map.of("groupId", "00000000-0000-4000-8000-000000000000")), 404, "SEM0501");
        assertError(post(op, imsi, "unset_group"), 404, "SEM0012");
        assertThat((String) as(op).get("/v1/subscribers/" + imsi).path("groupId")).isNull();
    }

    @Test
    void expiryTimeIsSetAlsoFromANumericStringAndUnset() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        long at = clock.nowMillis() + 86_400_000L;
        Response set = as(op).contentType(ContentType.JSON)
                .body("{\"expiryTime\":\"" + at + "\",\"expiryAction\":\"deleteSession\"}")
                .post("/v1/subscribers/" + imsi + "/set_expiry_time");
        set.then().statusCode(200);
        assertThat(set.jsonPath().getLong("expiryTime")).isEqualTo(at);
        assertThat(set.jsonPath().getLong("expiredAt")).isEqualTo(at);
        assertThat(set.jsonPath().getString("expiryAction")).isEqualTo("deleteSession");

        assertError(post(op, imsi, "set_expiry_time", Map.of("expiryTime", at, "expiryAction", "terminate")), 400, "SEM0014");
        assertError(post(op, imsi, "set_expiry_time", Map.of("expiryTime", clock.nowMillis() - 1000)), 400, "SEM0015");

        Response unset = post(op, imsi, "unset_expiry_time", Map.of());
        unset.then().statusCode(200);
        assertThat(unset.jsonPath().getMap("$")).doesNotContainKeys("expiryTime", "expiredAt", "expiryAction");
    }

    @Test
    void theExpiryActionIsCarriedOutOnceTheClockPassesTheExpiryTime() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        post(op, imsi, "activate").then().statusCode(200);
        long at = clock.nowMillis() + 3_600_000L;
        post(op, imsi, "set_expiry_time", Map.of("expiryTime", at, "expiryAction", "suspend")).then().statusCode(200);
        assertThat(status(op, imsi)).isEqualTo("active");
        try {
            clock.advance(java.time.Duration.ofHours(2));
            Response after = as(op).get("/v1/subscribers/" + imsi);
            assertThat((String) after.path("status")).isEqualTo("suspended");
            assertThat(after.jsonPath().getMap("$")).doesNotContainKey("expiryTime");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aDueExpiryIsCarriedOutOnceWhenTheSimsHistoryIsReadFirst() {
        Operator op = newOperator();
        String simId = registeredSim(op); // a sandbox SIM: SIM ID = IMSI
        post(op, simId, "activate").then().statusCode(200);
        long at = clock.nowMillis() + 3_600_000L;
        post(op, simId, "set_expiry_time", Map.of("expiryTime", at, "expiryAction", "suspend")).then().statusCode(200);
        try {
            clock.advance(java.time.Duration.ofHours(2));
            Response history = as(op).get("/v1/sims/" + simId + "/statuses/history");
            history.then().statusCode(200);
            assertThat(history.jsonPath().getList("status", String.class).get(0)).isEqualTo("suspended");
            assertThat(status(op, simId)).isEqualTo("suspended");
            assertThat(as(op).get("/v1/sims/" + simId + "/statuses/history").jsonPath().getList("status", String.class))
                    .containsExactly("suspended", "active", "ready");
        } finally {
            clock.reset();
        }
    }

    @Test
    void imeiLockAndSessionsFollowTheDevice() {
        Operator op = newOperator();
        String imsi = registeredSim(op);

        assertError(post(op, imsi, "set_imei_lock", Map.of()), 400, "SEM0013");
        assertError(post(op, imsi, "delete_session"), 400, "SEM0016");
        Response locked = post(op, imsi, "set_imei_lock", Map.of("imei", "123456789012345"));
        assertThat((String) locked.path("imeiLock.imei")).isEqualTo("123456789012345");
        assertThat(post(op, imsi, "unset_imei_lock").jsonPath().getMap("$")).doesNotContainKey("imeiLock");

        device(imsi, Map.of("online", true, "imei", "358000000000001", "cell",
                Map.of("mcc", 440, "mnc", 10, "tac", 1, "eci", 2, "radioType", "LTE"))).then().statusCode(200);
        Response online = as(op).get("/v1/subscribers/" + imsi);
        assertThat((Boolean) online.path("sessionStatus.online")).isTrue();
        assertThat((String) online.path("sessionStatus.imei")).isEqualTo("358000000000001");
        assertThat((Integer) online.path("sessionStatus.cell.mcc")).isEqualTo(440);
        assertThat((String) post(op, imsi, "set_imei_lock", Map.of("imei", "")).path("imeiLock.imei"))
                .isEqualTo("358000000000001");

        Response deleted = post(op, imsi, "delete_session");
        deleted.then().statusCode(200);
        assertThat((Boolean) deleted.path("sessionStatus.online")).isFalse();
        assertThat((String) deleted.path("previousSession.imei")).isEqualTo("358000000000001");

        Response events = as(op).get("/v1/subscribers/" + imsi + "/events/sessions");
        events.then().statusCode(200);
        assertThat(events.jsonPath().getList("event", String.class)).containsExactly("Deleted", "Created");

        Response first = as(op).queryParam("limit", 1).get("/v1/subscribers/" + imsi + "/events/sessions");
        assertThat(first.jsonPath().getList("event", String.class)).containsExactly("Deleted");
        Response second = as(op).queryParam("limit", 1).queryParam("last_evaluated_key", first.header("x-soracom-next-key"))
                .get("/v1/subscribers/" + imsi + "/events/sessions");
        assertThat(second.jsonPath().getList("event", String.class)).containsExactly("Created");
        assertThat(second.header("x-soracom-next-key")).isNull();
    }

    @Test
    void smsIsAcceptedAndKept() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        Response sent = post(op, imsi, "send_sms", Map.of("encodingType", 1, "payload", "hello"));
        sent.then().statusCode(202);
        String id = sent.path("messageId");
        assertThat(id).isNotBlank();
        String msisdn = as(op).get("/v1/subscribers/" + imsi).path("msisdn");
        as(op).contentType(ContentType.JSON).body(Map.of("payload", "again")).post("/v1/subscribers/msisdn/" + msisdn + "/send_sms")
                .then().statusCode(202);

        Response kept = api().get("/_mock/sims/" + imsi + "/sms");
        kept.then().statusCode(200);
        assertThat(kept.jsonPath().getList("payload", String.class)).containsExactly("hello", "again");
        assertThat(kept.jsonPath().getString("[0].messageId")).isEqualTo(id);
    }

    @Test
    void reportLocalInfoAndBundles() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        post(op, imsi, "report_local_info").then().statusCode(202);
        assertError(as(op).contentType(ContentType.JSON).body(List.of("DU-10GB")).put("/v1/subscribers/" + imsi + "/bundles"),
                400, "SEM0018");

        NewSim planD = createSandboxSim(op, Map.of("subscription", "plan-D"));
        register(op, planD).then().statusCode(200);
        Response b = as(op).contentType(ContentType.JSON).body(List.of("D-500MB")).put("/v1/subscribers/" + planD.imsi() + "/bundles");
        b.then().statusCode(200);
        assertThat(b.jsonPath().getList("bundles", String.class)).containsExactly("D-500MB");
        assertThat(as(op).get("/v1/sims/" + planD.imsi()).jsonPath()
                .getList("profiles." + planD.imsi() + ".subscribers." + planD.imsi() + ".bundles", String.class))
                .containsExactly("D-500MB");
    }

    @Test
    void unsetFieldsAreLeftOutAndTimesAreEpochMillis() {
        Operator op = newOperator();
        long before = clock.nowMillis();
        String imsi = registeredSim(op);
        Map<String, Object> json = as(op).get("/v1/subscribers/" + imsi).jsonPath().getMap("$");
        // the published contract allows no null there: a strict client refuses {"groupId": null} (issue 14)
        assertThat(json).doesNotContainKeys("groupId", "expiryTime", "expiredAt", "imeiLock", "previousSession")
                .containsEntry("sessionStatus", Map.of("online", false))
                .containsEntry("imsi", imsi).containsEntry("simId", imsi).containsEntry("iccid", imsi)
                .containsEntry("operatorId", op.operatorId()).containsEntry("apn", "soracom-sandbox.io")
                .containsEntry("moduleType", "nano").containsEntry("plan", 1);
        assertThat(((Number) json.get("createdAt")).longValue()).isGreaterThanOrEqualTo(before);
        assertThat(((Number) json.get("registeredTime")).longValue()).isGreaterThanOrEqualTo(before);
    }
}
