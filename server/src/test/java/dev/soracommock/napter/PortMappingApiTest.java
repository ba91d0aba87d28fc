package dev.soracommock.napter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.clock.MockClock;
import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Napter as a user drives it: a port mapping created for a SIM or a subscriber, listed, expired by the emulator's
 * clock, deleted, and the audit log of its life and of the connections a test simulates through it.
 */
class PortMappingApiTest extends ApiTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @Autowired
    MockClock clock;

    @BeforeEach
    void freeze() {
        clock.freeze();
        clock.set(T0);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A registered sandbox SIM of the operator: {imsi, simId}. */
    private String[] sim(Operator op) {
        Response created = as(op).contentType(ContentType.JSON).body(Map.of()).post("/v1/sandbox/subscribers/create");
        created.then().statusCode(200);
        String imsi = created.path("imsi");
        as(op).contentType(ContentType.JSON).body(Map.of("registrationSecret", created.path("registrationSecret")))
                .post("/v1/subscribers/" + imsi + "/register").then().statusCode(200);
        String simId = as(op).get("/v1/subscribers/" + imsi).path("simId");
        return new String[] {imsi, simId == null ? imsi : simId};
    }

    private Response createForSim(Operator op, String simId, Map<String, Object> body) {
        return as(op).contentType(ContentType.JSON).body(body).post("/v1/port_mappings/sims/" + simId);
    }

    @Test
    void aMappingForASimIsCreatedListedConnectedThroughAndExpiresOnTheClock() {
        Operator op = newOperator();
        String[] sim = sim(op);

        Response created = createForSim(op, sim[1], Map.of("destination", Map.of("port", 22, "service", "air"),
                "duration", 3600, "tlsRequired", true, "source", Map.of("ipRanges", List.of("198.51.100.0/24"))));
        created.then().statusCode(201);
        String ip = created.path("ipAddress");
        int port = created.jsonPath().getInt("port");
        assertThat(ip).matches("203\\.0\\.113\\.\\d+");
        assertThat(port).isBetween(10000, 65535);
        assertThat(created.<String>path("hostname")).isEqualTo("p-" + ip.replace('.', '-') + "-" + port + ".napter.soracom.io");
        assertThat(created.<String>path("endpoint")).isEqualTo(ip + ":" + port);
        assertThat(created.<String>path("operatorId")).isEqualTo(op.operatorId());
        assertThat(created.<String>path("simId")).isEqualTo(sim[1]);
        assertThat(created.<String>path("imsi")).isNull();
        assertThat(created.jsonPath().getLong("createdTime")).isEqualTo(T0.toEpochMilli());
        assertThat(created.jsonPath().getLong("expiredTime")).isEqualTo(T0.plusSeconds(3600).toEpochMilli());
        assertThat(created.jsonPath().getInt("duration")).isEqualTo(3600);
        assertThat(created.<Boolean>path("expired")).isFalse();
        assertThat(created.<Boolean>path("tlsRequired")).isTrue();
        assertThat(created.jsonPath().getList("source.ipRanges", String.class)).containsExactly("198.51.100.0/24");
        assertThat(created.jsonPath().getInt("destination.port")).isEqualTo(22);
        assertThat(created.<String>path("destination.destinationChoosingStrategy")).isEqualTo("AIR_PRIORITIZED");
        assertThat(created.<String>path("destination.service")).isNull();

        // listed: all, for the SIM, for its subscriber
        assertThat(as(op).get("/v1/port_mappings").jsonPath().getList("endpoint", String.class)).containsExactly(ip + ":" + port);
        assertThat(as(op).get("/v1/port_mappings/sims/" + sim[1]).jsonPath().getList("endpoint", String.class))
                .containsExactly(ip + ":" + port);
        assertThat(as(op).get("/v1/port_mappings/subscribers/" + sim[0]).jsonPath().getList("endpoint", String.class))
                .containsExactly(ip + ":" + port);

        // a client inside the ranges connects; one outside is denied
        clock.advance(Duration.ofMinutes(5));
        Response in = api().contentType(ContentType.JSON).body(Map.of("sourceIpAddress", "198.51.100.20", "sourcePort", 51720))
                .post("/_mock/port-mappings/" + ip + "/" + port + "/connections");
        in.then().statusCode(201);
        assertThat(in.jsonPath().getList("type", String.class)).containsExactly("ACCESS", "CONNECTED", "CLOSED");
        assertThat(in.jsonPath().getList("connectionId", String.class)).doesNotContainNull().hasSize(3);
        Response out = api().contentType(ContentType.JSON).body(Map.of("sourceIpAddress", "192.0.2.1"))
                .post("/_mock/port-mappings/" + ip + "/" + port + "/connections");
        assertThat(out.jsonPath().getList("type", String.class)).containsExactly("DENIED");

        // the clock passes the expiry: the mapping is gone from every list and cannot be deleted or connected to
        clock.advance(Duration.ofMinutes(56));
        assertThat(as(op).get("/v1/port_mappings").jsonPath().getList("$")).isEmpty();
        as(op).get("/v1/port_mappings/sims/" + sim[1]).then().statusCode(404);
        as(op).get("/v1/port_mappings/subscribers/" + sim[0]).then().statusCode(404);
        as(op).delete("/v1/port_mappings/" + ip + "/" + port).then().statusCode(404);
        api().contentType(ContentType.JSON).body(Map.of()).post("/_mock/port-mappings/" + ip + "/" + port + "/connections")
                .then().statusCode(404);

        // the audit log: created, the connections, expired — newest first
        Response log = as(op).get("/v1/audit_logs/napter");
        log.then().statusCode(200);
        assertThat(log.jsonPath().getList("type", String.class))
                .containsExactly("EXPIRED", "DENIED", "CLOSED", "CONNECTED", "ACCESS", "CREATED");
        assertThat(log.jsonPath().getList("imsi", String.class)).containsOnly(sim[0]);
        assertThat(log.jsonPath().getList("tls", Boolean.class)).containsOnly(true);
        assertThat(log.jsonPath().getLong("[0].createdAt")).isEqualTo(T0.plusSeconds(3600).toEpochMilli());
        assertThat(log.jsonPath().getString("[2].direction.sourceIPAddress")).isEqualTo("198.51.100.20");
        assertThat(log.jsonPath().getLong("[2].direction.sourcePort")).isEqualTo(51720);
        assertThat(log.jsonPath().getLong("[2].direction.destinationPort")).isEqualTo(22);
    }

    @Test
    void aMappingForASubscriberIsDeletedAndTheAuditLogFiltersAndPages() {
        Operator op = newOperator();
        String[] sim = sim(op);
        String[] other = sim(op);

        Response created = as(op).contentType(ContentType.JSON).body(Map.of("destination", Map.of("imsi", sim[0], "port", 80),
                "duration", 28800)).post("/v1/port_mappings");
        created.then().statusCode(201);
        assertThat(created.<String>path("imsi")).isEqualTo(sim[0]);
        assertThat(created.<String>path("destination.imsi")).isEqualTo(sim[0]);
        assertThat(created.<String>path("destination.destinationChoosingStrategy")).isEqualTo("IMSI_PRIORITIZED");
        assertThat(created.jsonPath().getList("source.ipRanges", String.class)).containsExactly("127.0.0.1/32");
        String ip = created.path("ipAddress");
        int port = created.jsonPath().getInt("port");
        Response second = as(op).contentType(ContentType.JSON)
                .body(Map.of("destination", Map.of("simId", other[1], "port", 8080))).post("/v1/port_mappings");
        second.then().statusCode(201);
        assertThat(second.<String>path("destination.destinationChoosingStrategy")).isEqualTo("DYNAMIC");
        assertThat(second.jsonPath().getInt("duration")).isEqualTo(3600);
        assertThat(second.<String>path("endpoint")).isNotEqualTo(ip + ":" + port);

        // the list pages
        Response first = as(op).queryParam("limit", 1).get("/v1/port_mappings");
        assertThat(first.jsonPath().getList("port", Integer.class)).containsExactly(port);
        String next = first.header("x-soracom-next-key");
        assertThat(next).isNotBlank();
        Response rest = as(op).queryParam("limit", 1).queryParam("last_evaluated_key", next).get("/v1/port_mappings");
        assertThat(rest.jsonPath().getList("port", Integer.class)).containsExactly(second.jsonPath().getInt("port"));
        assertThat(rest.header("x-soracom-next-key")).isNull();

        // a SIM without mappings: 404
        clock.advance(Duration.ofMinutes(1));
        as(op).delete("/v1/port_mappings/" + ip + "/" + port).then().statusCode(204);
        as(op).delete("/v1/port_mappings/" + ip + "/" + port).then().statusCode(404);
        as(op).get("/v1/port_mappings/subscribers/" + sim[0]).then().statusCode(404);
        assertThat(as(op).get("/v1/port_mappings").jsonPath().getList("port", Integer.class))
                .containsExactly(second.jsonPath().getInt("port"));

        // the deleted mapping never expires in the log; the filters narrow it to one subscriber and a time
        clock.advance(Duration.ofHours(9));
        Response log = as(op).queryParam("resource_type", "Subscriber").queryParam("resource_id", sim[0])
                .get("/v1/audit_logs/napter");
        assertThat(log.jsonPath().getList("type", String.class)).containsExactly("DELETED", "CREATED");
        Response all = as(op).get("/v1/audit_logs/napter");
        assertThat(all.jsonPath().getList("type", String.class)).containsExactly("EXPIRED", "DELETED", "CREATED", "CREATED");
        assertThat(as(op).queryParam("from", T0.toEpochMilli() + 1).queryParam("to", T0.plusSeconds(7200).toEpochMilli())
                .get("/v1/audit_logs/napter").jsonPath().getList("type", String.class)).containsExactly("EXPIRED", "DELETED");
        Response page1 = as(op).queryParam("limit", 3).get("/v1/audit_logs/napter");
        assertThat(page1.jsonPath().getList("$")).hasSize(3);
        Response page2 = as(op).queryParam("limit", 3).queryParam("last_evaluated_key", page1.header("x-soracom-next-key"))
                .get("/v1/audit_logs/napter");
        assertThat(page2.jsonPath().getList("type", String.class)).containsExactly("CREATED");
        assertThat(page2.header("x-soracom-next-key")).isNull();
    }

    @Test
    void invalidRequestsAreRefusedAndChangeNothing() {
        Operator op = newOperator();
        String[] sim = sim(op);
        Map<String, Object> ok = Map.of("port", 22);

        assertError(createForSim(op, sim[1], Map.of("destination", ok, "duration", 28801)), 400, "COM0008");
        assertError(createForSim(op, sim[1], Map.of("destination", ok, "duration", 0)), 400, "COM0008");
        assertError(createForSim(op, sim[1], Map.of("destination", ok, "duration", 1.5)), 400, "COM0008");
        assertError(createForSim(op, sim[1], Map.of("destination", Map.of("port", 70000))), 400, "COM0008");
        assertError(createForSim(op, sim[1], Map.of("destination", ok, "source", Map.of("ipRanges", List.of("10.0.0.0/33")))),
                400, "COM0008");
        assertError(createForSim(op, sim[1], Map.of("duration", 60)), 400, "COM0008");
        assertError(createForSim(op, "8900000000000000000", Map.of("destination", ok)), 404, "SEM0002");
        assertError(as(op).contentType(ContentType.JSON).body(Map.of("destination", Map.of("imsi", "001019999999999", "port", 22)))
                .post("/v1/port_mappings"), 404, "SEM0001");
        assertError(as(op).contentType(ContentType.JSON).body(Map.of("destination", ok)).post("/v1/port_mappings"), 400, "COM0008");
        assertError(as(op).get("/v1/port_mappings/sims/8900000000000000000"), 404, "SEM0002");
        assertError(as(op).get("/v1/port_mappings/sims/" + sim[1]), 404, "MCK1002");
        assertError(as(op).delete("/v1/port_mappings/203.0.113.1/1"), 404, "MCK1001");

        assertThat(as(op).get("/v1/port_mappings").jsonPath().getList("$")).isEmpty();
        assertThat(as(op).get("/v1/audit_logs/napter").jsonPath().getList("$")).isEmpty();
    }

    @Test
    void anotherOperatorSeesAndChangesNoneOfIt() {
        Operator a = newOperator();
        Operator b = newOperator();
        String[] sim = sim(a);
        Response created = createForSim(a, sim[1], Map.of("destination", Map.of("port", 22)));
        created.then().statusCode(201);
        String ip = created.path("ipAddress");
        int port = created.jsonPath().getInt("port");

        assertThat(as(b).get("/v1/port_mappings").jsonPath().getList("$")).isEmpty();
        assertError(as(b).get("/v1/port_mappings/sims/" + sim[1]), 404, "SEM0002");
        assertError(as(b).get("/v1/port_mappings/subscribers/" + sim[0]), 404, "SEM0001");
        assertError(createForSim(b, sim[1], Map.of("destination", Map.of("port", 22))), 404, "SEM0002");
        assertError(as(b).delete("/v1/port_mappings/" + ip + "/" + port), 404, "MCK1001");
        assertThat(as(b).get("/v1/audit_logs/napter").jsonPath().getList("$")).isEmpty();

        assertThat(as(a).get("/v1/port_mappings").jsonPath().getList("endpoint", String.class)).containsExactly(ip + ":" + port);
        assertThat(as(a).get("/v1/audit_logs/napter").jsonPath().getList("type", String.class)).containsExactly("CREATED");
    }

    private static void assertError(Response r, int status, String code) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.<String>path("code")).as(r.asString()).isEqualTo(code);
    }
}
