package dev.soracommock.napter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.kernel.OperatorLogEntry;
import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The error log, the API audit log, port mappings and the Napter audit log are part of the operator's state: exported
 * and imported, removed by the operator's reset, copied by a fork (the copy's mappings at addresses of their own).
 */
class LogsAndNapterStateTest extends ApiTest {

    @Autowired
    ApplicationEventPublisher events;

    private String[] mappingOfNewSim(Operator op) {
        Response created = as(op).contentType(ContentType.JSON).body(Map.of()).post("/v1/sandbox/subscribers/create");
        created.then().statusCode(200);
        String imsi = created.path("imsi");
        as(op).contentType(ContentType.JSON).body(Map.of("registrationSecret", created.path("registrationSecret")))
                .post("/v1/subscribers/" + imsi + "/register").then().statusCode(200);
        Response m = as(op).contentType(ContentType.JSON).body(Map.of("destination", Map.of("imsi", imsi, "port", 22),
                "duration", 28800)).post("/v1/port_mappings");
        m.then().statusCode(201);
        return new String[] {imsi, m.path("ipAddress"), Integer.toString(m.jsonPath().getInt("port"))};
    }

    private void logEntry(Operator op, String imsi) {
        events.publishEvent(new OperatorLogEntry(op.operatorId(), "Subscriber", imsi, "Funk", "warning",
                Map.of("message", "published by the test"), System.currentTimeMillis()));
    }

    @Test
    void theyAreExportedImportedResetAndForked() {
        Operator a = newOperator();
        String[] m = mappingOfNewSim(a);
        logEntry(a, m[0]);
        assertThat(as(a).get("/v1/logs").jsonPath().getList("service", String.class)).containsExactly("Funk");

        // a fork: its own copy, under its own SIM and at its own address
        Response fork = api().contentType(ContentType.JSON).body(Map.of("count", 1))
                .post("/_mock/operators/" + a.operatorId() + "/fork");
        fork.then().statusCode(201);
        Map<String, String> f = fork.jsonPath().getMap("[0]");
        Operator copy = new Operator(f.get("operatorId"), f.get("apiKey"), f.get("token"), f.get("email"), f.get("password"));
        Response copied = as(copy).get("/v1/port_mappings");
        assertThat(copied.jsonPath().getList("$")).hasSize(1);
        assertThat(copied.<String>path("[0].imsi")).isNotEqualTo(m[0]);
        assertThat(copied.<String>path("[0].operatorId")).isEqualTo(copy.operatorId());
        assertThat(copied.<String>path("[0].endpoint")).isNotEqualTo(m[1] + ":" + m[2]);
        String copyImsi = copied.path("[0].imsi");
        assertThat(as(copy).get("/v1/port_mappings/subscribers/" + copyImsi).jsonPath().getList("$")).hasSize(1);
        assertThat(as(copy).get("/v1/logs").jsonPath().getList("resourceId", String.class)).containsExactly(copyImsi);
        assertThat(as(copy).get("/v1/audit_logs/napter").jsonPath().getList("imsi", String.class)).containsOnly(copyImsi);
        assertThat(as(copy).get("/v1/audit_logs/api").jsonPath().getList("requestPath", String.class))
                .contains("/v1/port_mappings");
        // the source is unchanged
        assertThat(as(a).get("/v1/port_mappings").jsonPath().getList("endpoint", String.class))
                .containsExactly(m[1] + ":" + m[2]);

        // export, reset of the operator, import: back as it was
        Response exported = api().get("/_mock/state");
        exported.then().statusCode(200);
        String document = exported.asString();
        for (String table : List.of("error_log", "api_audit_log", "port_mapping", "napter_audit_log")) {
            assertThat(exported.jsonPath().getList("tables." + table)).as(table).isNotEmpty();
        }
        api().post("/_mock/operators/" + a.operatorId() + "/reset").then().statusCode(200);
        assertThat(as(a).get("/v1/port_mappings").jsonPath().getList("$")).isEmpty();
        assertThat(as(a).get("/v1/logs").jsonPath().getList("$")).isEmpty();
        assertThat(as(a).get("/v1/audit_logs/napter").jsonPath().getList("$")).isEmpty();
        // the calls made before the reset are forgotten, those after it are listed
        assertThat(as(a).get("/v1/audit_logs/api").jsonPath().getList("requestPath", String.class))
                .containsExactly("/v1/audit_logs/api", "/v1/audit_logs/napter", "/v1/logs", "/v1/port_mappings");

        api().contentType(ContentType.JSON).body(document).post("/_mock/state").then().statusCode(200);
        assertThat(as(a).get("/v1/port_mappings").jsonPath().getList("endpoint", String.class))
                .containsExactly(m[1] + ":" + m[2]);
        assertThat(as(a).get("/v1/logs").jsonPath().getList("service", String.class)).containsExactly("Funk");
        assertThat(as(a).get("/v1/audit_logs/napter").jsonPath().getList("type", String.class)).containsExactly("CREATED");
        as(a).delete("/v1/port_mappings/" + m[1] + "/" + m[2]).then().statusCode(204);
    }
}
