package dev.soracommock.capture;

import static dev.soracommock.support.SoracomError.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Packet capture sessions of a SIM: the status moving on the emulator's clock, the capture file, the rules. */
class PacketCaptureApiTest extends ApiTest {

    /** Frozen, so that only /_mock/clock/advance moves it and the times are exact. */
    @BeforeEach
    void freezeTheClock() {
        api().contentType(ContentType.JSON).body(Map.of("frozen", true)).put("/_mock/clock").then().statusCode(200);
    }

    @AfterEach
    void unfreezeTheClock() {
        api().contentType(ContentType.JSON).body(Map.of("frozen", false)).put("/_mock/clock").then().statusCode(200);
    }

    private String newSim(Operator op) {
        Response r = as(op).contentType(ContentType.JSON).body(Map.of("type", "virtual", "subscription", "planArc01"))
                .post("/v1/sims");
        r.then().statusCode(201);
        return r.path("simId");
    }

    private String sessions(String simId) {
        return "/v1/sims/" + simId + "/packet_capture_sessions";
    }

    private Response create(Operator op, String simId, Map<String, ?> body) {
        return as(op).contentType(ContentType.JSON).body(body).post(sessions(simId));
    }

    private void advance(long seconds) {
        api().contentType(ContentType.JSON).body(Map.of("seconds", seconds)).post("/_mock/clock/advance")
                .then().statusCode(200);
    }

    private Response download(String url) {
        assertThat(url).contains("/_mock/packet-captures/").endsWith(".pcap");
        return api().get(url.substring(url.indexOf("/_mock/")));
    }

    @Test
    void aSessionCapturesForItsDurationThenOffersAnEmptyPcap() {
        Operator op = newOperator();
        String sim = newSim(op);

        Response created = create(op, sim, Map.of("duration", 60, "prefix", "night-1"));
        created.then().statusCode(200);
        String id = created.path("sessionId");
        assertThat(id).isNotBlank();
        assertThat((String) created.path("status")).isEqualTo("ACCEPTED");
        assertThat((Integer) created.path("duration")).isEqualTo(60);
        assertThat((String) created.path("prefix")).isEqualTo("night-1");
        Instant createdTime = Instant.parse(created.path("createdTime"));

        Response capturing = as(op).get(sessions(sim) + "/" + id);
        capturing.then().statusCode(200);
        assertThat((String) capturing.path("status")).isEqualTo("CAPTURING");
        assertThat((String) capturing.path("url")).isNull();
        assertThat(Instant.parse(capturing.path("startedTime"))).isEqualTo(createdTime);

        advance(59);
        assertThat((String) as(op).get(sessions(sim) + "/" + id).path("status")).isEqualTo("CAPTURING");
        advance(1);
        Response done = as(op).get(sessions(sim) + "/" + id);
        assertThat((String) done.path("status")).isEqualTo("DONE");
        assertThat(Instant.parse(done.path("endedTime"))).isEqualTo(createdTime.plus(Duration.ofSeconds(60)));

        Response file = download(done.path("url"));
        file.then().statusCode(200);
        assertThat(file.contentType()).startsWith("application/vnd.tcpdump.pcap");
        byte[] pcap = file.asByteArray();
        assertThat(pcap).hasSize(24);
        ByteBuffer header = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getInt(0)).isEqualTo(0xa1b2c3d4);
        assertThat(header.getShort(4)).isEqualTo((short) 2);
        assertThat(header.getShort(6)).isEqualTo((short) 4);
        assertThat(header.getInt(20)).as("link type raw IP").isEqualTo(101);

        // the list shows it as it is now
        Response list = as(op).get(sessions(sim));
        list.then().statusCode(200);
        assertThat(list.jsonPath().getList("sessionId", String.class)).containsExactly(id);
        assertThat(list.jsonPath().getList("status", String.class)).containsExactly("DONE");

        // a finished session cannot be stopped; once deleted, neither it nor its file can be found
        assertError(as(op).post(sessions(sim) + "/" + id + "/stop"), 400, "MCK0904");
        Response deleted = as(op).delete(sessions(sim) + "/" + id);
        deleted.then().statusCode(200);
        assertThat((String) deleted.path("sessionId")).isEqualTo(id);
        assertError(as(op).get(sessions(sim) + "/" + id), 404, "MCK0903");
        assertError(download(done.path("url")), 404, "MCK0907");
        assertThat(as(op).get(sessions(sim)).jsonPath().getList("$")).isEmpty();
    }

    @Test
    void aStoppedSessionIsDoneAtOnceAndOneCapturesAtATime() {
        Operator op = newOperator();
        String sim = newSim(op);
        String id = create(op, sim, Map.of("duration", 3600)).path("sessionId");

        assertError(create(op, sim, Map.of("duration", 60)), 400, "MCK0906");
        assertError(as(op).delete(sessions(sim) + "/" + id), 400, "MCK0905");
        assertThat((String) as(op).get(sessions(sim) + "/" + id).path("status")).isEqualTo("CAPTURING");
        // the file is not there while capturing
        assertError(api().get("/_mock/packet-captures/" + id + ".pcap"), 404, "MCK0907");

        advance(90);
        Response stopped = as(op).post(sessions(sim) + "/" + id + "/stop");
        stopped.then().statusCode(200);
        assertThat((String) stopped.path("status")).isEqualTo("POST_PROCESSING");
        Response done = as(op).get(sessions(sim) + "/" + id);
        assertThat((String) done.path("status")).isEqualTo("DONE");
        assertThat(Duration.between(Instant.parse(done.path("startedTime")), Instant.parse(done.path("endedTime"))))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(download(done.path("url")).asByteArray()).hasSize(24);

        // a new session may start once the last one is done
        create(op, sim, Map.of("duration", 30)).then().statusCode(200);
    }

    @Test
    void theListPagesInTheOrderTheSessionsWereCreated() {
        Operator op = newOperator();
        String sim = newSim(op);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = create(op, sim, Map.of("duration", 30)).path("sessionId");
            as(op).post(sessions(sim) + "/" + id + "/stop").then().statusCode(200);
            ids.add(id);
        }
        Response first = as(op).queryParam("limit", 2).get(sessions(sim));
        first.then().statusCode(200);
        assertThat(first.jsonPath().getList("sessionId", String.class)).containsExactly(ids.get(0), ids.get(1));
        assertThat(first.header("x-soracom-next-key")).isEqualTo(ids.get(1));
        Response second = as(op).queryParam("limit", 2).queryParam("last_evaluated_key", ids.get(1)).get(sessions(sim));
        assertThat(second.jsonPath().getList("sessionId", String.class)).containsExactly(ids.get(2));
        assertThat(second.header("x-soracom-next-key")).isNull();
        // another SIM of the same operator has none of them
        assertThat(as(op).get(sessions(newSim(op))).jsonPath().getList("$")).isEmpty();
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        Operator op = newOperator();
        String sim = newSim(op);
        assertError(create(op, sim, Map.of("duration", 29)), 400, "COM0008");
        assertError(create(op, sim, Map.of("duration", 86401)), 400, "COM0008");
        assertError(create(op, sim, Map.of("prefix", "p")), 400, "COM0008");
        assertError(create(op, sim, Map.of("duration", 60, "prefix", "not a prefix!")), 400, "COM0008");
        assertThat(as(op).get(sessions(sim)).jsonPath().getList("$")).isEmpty();

        assertError(create(op, "8942000000000000000", Map.of("duration", 60)), 404, "SEM0002");
        assertError(as(op).get(sessions("8942000000000000000")), 404, "SEM0002");
        assertError(as(op).get(sessions(sim) + "/no-such-session"), 404, "MCK0903");
        assertError(as(op).post(sessions(sim) + "/no-such-session/stop"), 404, "MCK0903");
        assertError(as(op).delete(sessions(sim) + "/no-such-session"), 404, "MCK0903");
        assertError(api().get("/_mock/packet-captures/no-such-session.pcap"), 404, "MCK0907");
    }

    @Test
    void anotherOperatorNeitherSeesNorChangesTheSessions() {
        Operator owner = newOperator();
        Operator other = newOperator();
        String sim = newSim(owner);
        String id = create(owner, sim, Map.of("duration", 600)).path("sessionId");

        assertError(as(other).get(sessions(sim)), 404, "SEM0002");
        assertError(as(other).get(sessions(sim) + "/" + id), 404, "SEM0002");
        assertError(as(other).post(sessions(sim) + "/" + id + "/stop"), 404, "SEM0002");
        assertError(as(other).delete(sessions(sim) + "/" + id), 404, "SEM0002");
        assertError(create(other, sim, Map.of("duration", 60)), 404, "SEM0002");
        // the other operator's own SIM does not reach the owner's session either
        String othersSim = newSim(other);
        assertError(as(other).post(sessions(othersSim) + "/" + id + "/stop"), 404, "MCK0903");

        Response mine = as(owner).get(sessions(sim) + "/" + id);
        assertThat((String) mine.path("status")).isEqualTo("CAPTURING");
        assertThat(as(owner).get(sessions(sim)).jsonPath().getList("sessionId", String.class)).containsExactly(id);
    }
}
