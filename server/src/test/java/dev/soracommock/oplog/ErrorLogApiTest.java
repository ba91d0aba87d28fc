package dev.soracommock.oplog;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.soracommock.clock.MockClock;
import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operator's error log as a user reads it: a Beam destination that answers 500 or cannot be reached, a soralet
 * that traps, a Funnel delivery whose credentials are missing — each an entry of {@code GET /v1/logs}, with the
 * contract's filters and paging, for its operator only.
 */
class ErrorLogApiTest extends ApiTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    @Autowired
    MockClock clock;

    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        clock.freeze();
        clock.set(T0);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] answer = "{\"error\":\"down for maintenance\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        clock.reset();
    }

    private Response send(String simId, String body) {
        return api().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/_mock/sims/" + simId + "/unified");
    }

    private Response logs(Operator op, Map<String, Object> query) {
        Response r = as(op).queryParams(query).get("/v1/logs");
        r.then().statusCode(200);
        return r;
    }

    /** The operator's credentials anew: its token expires on the emulator's clock. */
    private Operator loginAgain(Operator op) {
        Response login = api().contentType(ContentType.JSON).body(Map.of("email", op.email(), "password", op.password()))
                .post("/v1/auth");
        login.then().statusCode(200);
        return new Operator(op.operatorId(), login.path("apiKey"), login.path("token"), op.email(), op.password());
    }

    private static Map<String, Object> beam(String destination) {
        return Map.of("SoracomBeam", Map.of("http://beam.soracom.io:8888/", Map.of("destination", destination)));
    }

    @Test
    void aFailingBeamDestinationIsLoggedAndTheFiltersNarrowTheLog() {
        Operator op = newOperator();
        String imsi = simInGroup(op, beam("http://127.0.0.1:" + server.getAddress().getPort() + "/in"));
        assertThat(logs(op, Map.of()).jsonPath().getList("$")).isEmpty();

        assertThat(send(imsi, "{\"temp\":1}").statusCode()).isEqualTo(500);
        server.stop(0);
        clock.advance(Duration.ofMinutes(1));
        assertThat(send(imsi, "{\"temp\":2}").statusCode()).isEqualTo(502);

        Response all = logs(op, Map.of());
        assertThat(all.jsonPath().getList("service", String.class)).containsExactly("Beam", "Beam");
        assertThat(all.jsonPath().getList("resourceType", String.class)).containsOnly("Subscriber");
        assertThat(all.jsonPath().getList("resourceId", String.class)).containsOnly(imsi);
        assertThat(all.jsonPath().getList("operatorId", String.class)).containsOnly(op.operatorId());
        assertThat(all.jsonPath().getList("logLevel", String.class)).containsOnly("error");
        // newest first: the unreachable destination a minute after the 500
        assertThat(all.jsonPath().getList("time", Long.class))
                .containsExactly(T0.plusSeconds(60).toEpochMilli(), T0.toEpochMilli());
        assertThat(all.jsonPath().getString("[0].body.message")).contains("could not be forwarded");
        assertThat(all.jsonPath().getString("[1].body.message")).contains("500");
        assertThat(all.jsonPath().getInt("[1].body.statusCode")).isEqualTo(500);

        assertThat(logs(op, Map.of("service", "Beam", "resource_type", "Subscriber", "resource_id", imsi))
                .jsonPath().getList("$")).hasSize(2);
        assertThat(logs(op, Map.of("service", "Orbit")).jsonPath().getList("$")).isEmpty();
        assertThat(logs(op, Map.of("resource_id", "001019999999999")).jsonPath().getList("$")).isEmpty();
        assertThat(logs(op, Map.of("from", T0.toEpochMilli() + 1)).jsonPath().getList("time", Long.class))
                .containsExactly(T0.plusSeconds(60).toEpochMilli());
        assertThat(logs(op, Map.of("to", T0.toEpochMilli())).jsonPath().getList("time", Long.class))
                .containsExactly(T0.toEpochMilli());
        // an unknown service is refused by the contract
        as(op).queryParam("service", "Nope").get("/v1/logs").then().statusCode(400);

        // another operator sees none of it
        assertThat(logs(newOperator(), Map.of()).jsonPath().getList("$")).isEmpty();

        // past the retention (14 days) the entries are no longer answered
        clock.advance(Duration.ofDays(13));
        assertThat(logs(loginAgain(op), Map.of()).jsonPath().getList("$")).hasSize(2);
        clock.advance(Duration.ofDays(2));
        Operator again = loginAgain(op);
        assertThat(logs(again, Map.of()).jsonPath().getList("$")).isEmpty();
    }

    @Test
    void aSoraletThatTrapsIsLoggedForTheSendersSubscriberAndTheLogPages() throws IOException {
        Operator op = newOperator();
        as(op).contentType(ContentType.JSON).body(Map.of("soraletId", "trap")).post("/v1/soralets").then().statusCode(201);
        try (InputStream in = getClass().getResourceAsStream("/soralet/trap.wasm")) {
            as(op).contentType("application/octet-stream").body(in.readAllBytes())
                    .post("/v1/soralets/trap/versions").then().statusCode(201);
        }
        String imsi = simInGroup(op, Map.of(
                "SoracomOrbit", Map.of("enabled", true, "codeSrn", "srn:soracom:" + op.operatorId() + ":jp:Soralet:trap/1"),
                "SoracomHarvest", Map.of("enabled", true)));

        // the device's message through the Unified Endpoint: refused, and logged although nothing else is kept
        assertThat(send(imsi, "{\"temp\":21.5}").statusCode()).isEqualTo(400);
        // a test run of the soralet
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofSeconds(1));
            as(op).contentType(ContentType.JSON).body(Map.of("version", "1", "direction", "uplink",
                    "contentType", "application/json", "payload", "{}",
                    "source", Map.of("resourceType", "Subscriber", "resourceId", imsi))).post("/v1/soralets/trap/test");
        }

        Response all = logs(op, Map.of("service", "Orbit"));
        assertThat(all.jsonPath().getList("$")).hasSize(3);
        assertThat(all.jsonPath().getList("resourceId", String.class)).containsOnly(imsi);
        assertThat(all.jsonPath().getString("[0].body.soraletId")).isEqualTo("trap");
        assertThat(all.jsonPath().getString("[0].body.message")).contains("trap");

        // paging: one at a time, newest first, following x-soracom-next-key
        List<Long> times = all.jsonPath().getList("time", Long.class);
        Response first = logs(op, Map.of("service", "Orbit", "limit", 2));
        assertThat(first.jsonPath().getList("time", Long.class)).containsExactlyElementsOf(times.subList(0, 2));
        String next = first.header("x-soracom-next-key");
        assertThat(next).isNotBlank();
        Response second = logs(op, Map.of("service", "Orbit", "limit", 2, "last_evaluated_key", next));
        assertThat(second.jsonPath().getList("time", Long.class)).containsExactlyElementsOf(times.subList(2, 3));
        assertThat(second.header("x-soracom-next-key")).isNull();
        as(op).queryParam("last_evaluated_key", "not-a-key").get("/v1/logs").then().statusCode(400);
    }

    @Test
    void aFunnelDeliveryWhoseCredentialsAreMissingIsLogged() {
        Operator op = newOperator();
        String imsi = simInGroup(op, Map.of("SoracomFunnel", Map.of("enabled", true,
                "destination", Map.of("provider", "aws", "service", "kinesis", "resourceUrl", "https://kinesis.example"),
                "credentialsId", "missing-creds")));

        send(imsi, "{\"temp\":3}");

        Response all = logs(op, Map.of("service", "Funnel"));
        assertThat(all.jsonPath().getList("$")).hasSize(1);
        assertThat(all.jsonPath().getString("[0].body.credentialsId")).isEqualTo("missing-creds");
        assertThat(all.jsonPath().getString("[0].resourceId")).isEqualTo(imsi);
    }
}
