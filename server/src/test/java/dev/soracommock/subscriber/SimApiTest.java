package dev.soracommock.subscriber;

import static dev.soracommock.support.SoracomError.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sim tag: the SIM view of the same rows, through HTTP. */
class SimApiTest extends SimTestSupport {

    private Response post(Operator op, String simId, String action) {
        return as(op).post("/v1/sims/" + simId + "/" + action);
    }

    private Response post(Operator op, String simId, String action, Object body) {
        return as(op).contentType(ContentType.JSON).body(body).post("/v1/sims/" + simId + "/" + action);
    }

    @Test
    void theSimViewShowsTheSameRowsAsTheSubscriberView() {
        Operator op = newOperator();
        String id = registeredSim(op);

        Response sim = as(op).get("/v1/sims/" + id);
        sim.then().statusCode(200);
        assertThat((String) sim.path("simId")).isEqualTo(id);
        assertThat((String) sim.path("type")).isEqualTo("uicc");
        assertThat((String) sim.path("status")).isEqualTo("ready");
        assertThat((String) sim.path("profiles." + id + ".subscribers." + id + ".subscription")).isEqualTo("plan01s");
        assertThat((String) sim.path("profiles." + id + ".primaryImsi")).isEqualTo(id);

        post(op, id, "activate").then().statusCode(200);
        assertThat((String) as(op).get("/v1/subscribers/" + id).path("status")).isEqualTo("active");
        as(op).post("/v1/subscribers/" + id + "/deactivate").then().statusCode(200);
        assertThat((String) as(op).get("/v1/sims/" + id).path("status")).isEqualTo("inactive");
    }

    @Test
    void listPagesBySimIdAcrossSeveralPages() {
        Operator op = newOperator();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(registeredSim(op));
        }
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            var req = as(op).queryParam("limit", 2);
            if (next != null) {
                req.queryParam("last_evaluated_key", next);
            }
            Response page = req.get("/v1/sims");
            page.then().statusCode(200);
            List<String> got = page.jsonPath().getList("simId", String.class);
            assertThat(got.size()).isLessThanOrEqualTo(2);
            seen.addAll(got);
            next = page.header("x-soracom-next-key");
            if (next != null) {
                assertThat(page.header("Link")).contains("last_evaluated_key=" + next).endsWith("; rel=next");
            }
            pages++;
        } while (next != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(ids.stream().sorted().toList());
    }

    @Test
    void anotherOperatorsSimIsNotFound() {
        Operator owner = newOperator();
        Operator other = newOperator();
        String id = registeredSim(owner);
        assertError(as(other).get("/v1/sims/" + id), 404, "SEM0002");
        assertError(post(other, id, "suspend"), 404, "SEM0002");
        assertError(as(other).get("/v1/sims/" + id + "/statuses/history"), 404, "SEM0002");
        assertThat(as(other).get("/v1/sims").jsonPath().getList("$")).isEmpty();
        assertError(as(owner).get("/v1/sims/nope"), 404, "SEM0002");
    }

    @Test
    void aVirtualSimIsTheCallersAtOnce() {
        Operator op = newOperator();
        Response r = as(op).contentType(ContentType.JSON).body(Map.of("type", "virtual", "subscription", "planArc01"))
                .post("/v1/sims");
        r.then().statusCode(201);
        String id = r.path("simId");
        assertThat((String) r.path("type")).isEqualTo("virtual");
        assertThat((String) r.path("speedClass")).isEqualTo("arc.standard");
        assertThat((String) r.path("operatorId")).isEqualTo(op.operatorId());
        assertThat((String) r.path("status")).isEqualTo("ready");
        assertError(post(op, id, "set_to_standby"), 400, "SEM0006");
        assertError(post(op, id, "update_speed_class", Map.of("speedClass", "s1.fast")), 400, "SEM0009");
        assertError(post(op, id, "register", Map.of("registrationSecret", "12345")), 400, "SEM0004");
        assertThat(as(op).get("/v1/sims").jsonPath().getList("simId", String.class)).containsExactly(id);
    }

    @Test
    void statusChangesAreRecordedInTheHistory() {
        Operator op = newOperator();
        String id = registeredSim(op);
        post(op, id, "activate").then().statusCode(200);
        post(op, id, "update_speed_class", Map.of("speedClass", "s1.fast")).then().statusCode(200);
        post(op, id, "suspend").then().statusCode(200);
        assertError(post(op, id, "terminate"), 400, "SEM0007");
        post(op, id, "enable_termination").then().statusCode(200);
        post(op, id, "terminate").then().statusCode(200);
        assertError(post(op, id, "activate"), 400, "SEM0005");

        Response h = as(op).get("/v1/sims/" + id + "/statuses/history");
        h.then().statusCode(200);
        assertThat(h.jsonPath().getList("status", String.class))
                .containsExactly("terminated", "suspended", "active", "active", "ready");
        assertThat(h.jsonPath().getString("[1].speedClass")).isEqualTo("s1.fast");
        assertThat(as(op).queryParam("sort", "asc").get("/v1/sims/" + id + "/statuses/history").jsonPath()
                .getList("status", String.class)).containsExactly("ready", "active", "active", "suspended", "terminated");

        Response first = as(op).queryParam("limit", 2).get("/v1/sims/" + id + "/statuses/history");
        assertThat(first.jsonPath().getList("status", String.class)).containsExactly("terminated", "suspended");
        Response rest = as(op).queryParam("limit", 2).queryParam("last_evaluated_key", first.header("x-soracom-next-key"))
                .get("/v1/sims/" + id + "/statuses/history");
        assertThat(rest.jsonPath().getList("status", String.class)).containsExactly("active", "active");
        assertThat(as(op).get("/v1/sims/" + id).path("status").toString()).isEqualTo("terminated");
    }

    @Test
    void everythingElseThroughTheSimView() {
        Operator op = newOperator();
        String id = registeredSim(op);
        Response tagged = as(op).contentType(ContentType.JSON).body(List.of(Map.of("tagName", "name", "tagValue", "sensor")))
                .put("/v1/sims/" + id + "/tags");
        assertThat((String) tagged.path("tags.name")).isEqualTo("sensor");
        as(op).delete("/v1/sims/" + id + "/tags/name").then().statusCode(204);
        assertError(as(op).delete("/v1/sims/" + id + "/tags/name"), 404, "SEM0010");

        assertError(post(op, id, "set_group", Map.of("groupId", "g")), 404, "SEM0501");
        assertError(post(op, id, "unset_group"), 404, "SEM0012");

        long at = System.currentTimeMillis() + 3_600_000L;
        assertThat(post(op, id, "set_expiry_time", Map.of("expiryTime", String.valueOf(at))).jsonPath().getLong("expiryTime"))
                .isEqualTo(at);
        assertThat(post(op, id, "unset_expiry_time").jsonPath().getMap("$")).doesNotContainKey("expiryTime");

        assertThat((String) post(op, id, "set_imei_lock", Map.of("imei", "490154203237518")).path("imeiLock.imei"))
                .isEqualTo("490154203237518");
        assertThat(post(op, id, "unset_imei_lock").jsonPath().getMap("$")).doesNotContainKey("imeiLock");

        assertError(post(op, id, "delete_session"), 400, "SEM0016");
        device(id, Map.of("online", true, "imei", "490154203237518")).then().statusCode(200);
        assertThat((Boolean) as(op).get("/v1/sims/" + id).path("sessionStatus.online")).isTrue();
        device(id, Map.of("online", false)).then().statusCode(200);
        Response sim = as(op).get("/v1/sims/" + id);
        assertThat((Boolean) sim.path("sessionStatus.online")).isFalse();
        assertThat((String) sim.path("previousSession.imei")).isEqualTo("490154203237518");
        assertThat(as(op).get("/v1/sims/" + id + "/events/sessions").jsonPath().getList("event", String.class))
                .containsExactly("Deleted", "Created");

        post(op, id, "send_sms", Map.of("payload", "hi")).then().statusCode(202);
        assertThat((String) post(op, id, "report_local_info").path("imsi")).isEqualTo(id);
        post(op, id, "set_to_standby").then().statusCode(200);
        post(op, id, "deactivate").then().statusCode(200);
        assertThat((Boolean) post(op, id, "enable_termination").path("terminationEnabled")).isTrue();
        assertThat((Boolean) post(op, id, "disable_termination").path("terminationEnabled")).isFalse();
    }

    @Test
    void sessionEventsAreFilteredByTimeInEpochMilliseconds() {
        Operator op = newOperator();
        String id = registeredSim(op);
        device(id, Map.of("online", true, "imei", "490154203237518")).then().statusCode(200);
        long nowMillis = System.currentTimeMillis();
        assertThat(as(op).queryParam("from", nowMillis - 3_600_000).queryParam("to", nowMillis + 3_600_000)
                .get("/v1/sims/" + id + "/events/sessions").jsonPath().getList("event", String.class))
                .containsExactly("Created");
        assertThat(as(op).queryParam("from", nowMillis + 3_600_000).get("/v1/sims/" + id + "/events/sessions").jsonPath()
                .getList("$")).isEmpty();
    }

    @Test
    void deviceControlNeedsAKnownSim() {
        assertError(device("no-such-sim", Map.of("online", true)), 404, "SEM0002");
    }
}
