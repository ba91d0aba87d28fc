package dev.soracommock.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Packet capture sessions and system notification settings in the control API's state: export, import, reset, fork. */
class FleetStateTest extends ApiTest {

    private List<Map<String, Object>> sessionsOf(Operator op, String simId) {
        Response r = as(op).get("/v1/sims/" + simId + "/packet_capture_sessions");
        r.then().statusCode(200);
        return r.jsonPath().getList("$");
    }

    private List<String> notificationTypes(Operator op) {
        return as(op).get("/v1/operators/" + op.operatorId() + "/system_notifications").jsonPath()
                .getList("type", String.class);
    }

    @Test
    void sessionsAndSettingsAreExportedImportedResetAndForked() {
        Operator op = newOperator();
        String sim = as(op).contentType(ContentType.JSON).body(Map.of("type", "virtual", "subscription", "planArc01"))
                .post("/v1/sims").path("simId");
        String session = as(op).contentType(ContentType.JSON).body(Map.of("duration", 86400, "prefix", "kept"))
                .post("/v1/sims/" + sim + "/packet_capture_sessions").path("sessionId");
        as(op).contentType(ContentType.JSON).body(Map.of("emailIdList", List.of("primary")))
                .post("/v1/operators/" + op.operatorId() + "/system_notifications/recovery").then().statusCode(200);

        Response state = api().get("/_mock/state");
        state.then().statusCode(200);
        assertThat(state.jsonPath().<Map<String, Object>>getList("tables.packet_capture_session"))
                .filteredOn(r -> session.equals(r.get("session_id"))).singleElement()
                .satisfies(r -> assertThat(r.get("sim_id")).isEqualTo(sim));
        assertThat(state.jsonPath().<Map<String, Object>>getList("tables.system_notification"))
                .filteredOn(r -> op.operatorId().equals(r.get("operator_id"))).hasSize(1);

        // a fork has its own copy, under its own SIM and session IDs
        Response fork = api().contentType(ContentType.JSON).body(Map.of("count", 1))
                .post("/_mock/operators/" + op.operatorId() + "/fork");
        fork.then().statusCode(201);
        Operator copy = new Operator(fork.path("[0].operatorId"), fork.path("[0].apiKey"), fork.path("[0].token"),
                fork.path("[0].email"), fork.path("[0].password"));
        String copysSim = as(copy).get("/v1/sims").jsonPath().getString("[0].simId");
        assertThat(copysSim).isNotEqualTo(sim);
        assertThat(sessionsOf(copy, copysSim)).singleElement().satisfies(s -> {
            assertThat(s.get("prefix")).isEqualTo("kept");
            assertThat(s.get("sessionId")).isNotEqualTo(session);
            assertThat(s.get("status")).isEqualTo("CAPTURING");
        });
        assertThat(notificationTypes(copy)).containsExactly("primary", "recovery");

        // an operator reset removes them (the copy keeps its own); an import brings them back
        api().post("/_mock/operators/" + op.operatorId() + "/reset").then().statusCode(200);
        assertThat(notificationTypes(op)).containsExactly("primary");
        assertThat(sessionsOf(copy, copysSim)).hasSize(1);
        api().contentType(ContentType.JSON).body(state.asByteArray()).post("/_mock/state").then().statusCode(200);
        assertThat(sessionsOf(op, sim)).singleElement().satisfies(s -> assertThat(s.get("sessionId")).isEqualTo(session));
        assertThat(notificationTypes(op)).containsExactly("primary", "recovery");
    }
}
