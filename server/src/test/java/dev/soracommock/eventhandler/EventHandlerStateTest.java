package dev.soracommock.eventhandler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Event handlers in the control API's state: their tables exported, imported, removed by an operator reset, and
 * copied by a fork under new handler IDs and SIMs, the copy firing for its own SIM only.
 */
class EventHandlerStateTest extends ApiTest {

    @Test
    void handlersFiringsAndMailsAreExportedImportedResetAndForked() {
        Operator op = newOperator();
        Response c = as(op).contentType(ContentType.JSON).body(Map.of()).post("/v1/sandbox/subscribers/create");
        String imsi = c.path("imsi");
        as(op).contentType(ContentType.JSON).body(Map.of("registrationSecret", c.path("registrationSecret")))
                .post("/v1/subscribers/" + imsi + "/register").then().statusCode(200);
        Map<String, Object> handler = Map.of("targetImsi", imsi, "name", "state", "status", "active",
                "ruleConfig", Map.of("type", "SubscriberStatusAttributeRule", "properties",
                        Map.of("inactiveTimeoutDateConst", "IMMEDIATELY", "targetStatus", "active")),
                "actionConfigList", List.of(Map.of("type", "SendMailToOperatorAction", "properties",
                        Map.of("executionDateTimeConst", "IMMEDIATELY", "title", "${imsi}", "message", "m"))));
        String h = as(op).contentType(ContentType.JSON).body(handler).post("/v1/event_handlers").then().statusCode(201)
                .extract().path("handlerId");
        as(op).post("/v1/subscribers/" + imsi + "/activate").then().statusCode(200);
        assertThat(mails(op)).singleElement().satisfies(m -> assertThat(m).containsEntry("title", imsi));

        Response state = api().get("/_mock/state");
        state.then().statusCode(200);
        Map<String, Object> tables = state.jsonPath().getMap("tables");
        assertThat(tables).containsKeys("event_handler", "event_handler_ignore", "event_handler_arm",
                "event_handler_firing", "event_handler_action", "event_handler_mail");
        assertThat(state.jsonPath().<Map<String, Object>>getList("tables.event_handler"))
                .anySatisfy(r -> assertThat(r).containsEntry("handler_id", h).containsEntry("operator_id", op.operatorId()));

        // a fork: its own handler (a new ID) on its own SIM, firing for that SIM only
        Response fork = api().contentType(ContentType.JSON).body(Map.of("count", 1))
                .post("/_mock/operators/" + op.operatorId() + "/fork");
        fork.then().statusCode(201);
        Operator copy = new Operator(fork.path("[0].operatorId"), fork.path("[0].apiKey"), fork.path("[0].token"),
                fork.path("[0].email"), fork.path("[0].password"));
        List<Map<String, Object>> copied = as(copy).get("/v1/event_handlers").then().statusCode(200).extract().path("$");
        assertThat(copied).singleElement().satisfies(x -> {
            assertThat(x.get("handlerId")).isNotEqualTo(h);
            assertThat(x.get("targetImsi")).isNotEqualTo(imsi);
        });
        String copiedImsi = (String) copied.get(0).get("targetImsi");
        as(copy).post("/v1/subscribers/" + copiedImsi + "/deactivate").then().statusCode(200);
        as(copy).post("/v1/subscribers/" + copiedImsi + "/activate").then().statusCode(200);
        assertThat(mails(copy)).hasSize(2).last().satisfies(m -> assertThat(m).containsEntry("title", copiedImsi));
        assertThat(mails(op)).hasSize(1);

        // an operator reset removes them; an import brings them back
        api().post("/_mock/operators/" + op.operatorId() + "/reset").then().statusCode(200);
        assertThat(mails(op)).isEmpty();
        as(copy).get("/v1/event_handlers").then().statusCode(200);
        api().contentType(ContentType.JSON).body(state.asByteArray()).post("/_mock/state").then().statusCode(200);
        as(op).get("/v1/event_handlers/" + h).then().statusCode(200);
        assertThat(mails(op)).hasSize(1);
        assertThat(api().get("/_mock/event-handlers/" + h + "/firings").then().statusCode(200).extract()
                .<List<?>>path("$")).hasSize(1);
    }

    private List<Map<String, Object>> mails(Operator op) {
        return api().queryParam("operator_id", op.operatorId()).get("/_mock/mails").then().statusCode(200).extract().path("$");
    }
}
