package dev.soracommock.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.StateChanges;
import dev.soracommock.support.ApiTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Repeated reads answered from memory (pipeline/AnswerCache): the same status, headers and body as the handler's
 * answer, still counted by the rate limit, never another operator's, and never an answer from before a change — made
 * by the API, the control API, another domain's delete, a read that writes, or a store outside a request.
 */
class AnswerCacheTest extends ApiTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    StateChanges changes;

    @Autowired
    MockClock clock;

    @Autowired
    PlatformTransactionManager transactions;

    private double fromMemory() {
        return meters.get("soracom.mock.answers.cached").counter().count();
    }

    /** The answer after the read was asked enough times to be kept (twice), and whether the third came from memory. */
    private Response thirdTime(Supplier<Response> read) {
        read.get().then().statusCode(200);
        read.get().then().statusCode(200);
        double before = fromMemory();
        Response third = read.get();
        assertThat(fromMemory()).as("the third read came from memory").isEqualTo(before + 1);
        return third;
    }

    @Test
    void aRepeatedReadIsAnsweredWithTheHandlersStatusHeadersAndBodyAndStillCounted() {
        Operator op = newOperator();
        for (int i = 0; i < 3; i++) {
            registeredSim(op);
        }
        Supplier<Response> page = () -> as(op).get("/v1/subscribers?limit=2");

        Response first = page.get();
        Response second = page.get();
        double before = fromMemory();
        Response third = page.get();

        assertThat(fromMemory()).isEqualTo(before + 1);
        assertThat(List.of(second, third)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.asByteArray()).isEqualTo(first.asByteArray());
            assertThat(r.contentType()).isEqualTo(first.contentType()).isEqualTo("application/json;charset=UTF-8");
            assertThat(r.header("X-Soracom-Next-Key")).isEqualTo(first.header("X-Soracom-Next-Key")).isNotBlank();
            assertThat(r.header("Link")).isEqualTo(first.header("Link")).contains("limit=2");
        });
        assertThat(first.jsonPath().getList("imsi")).hasSize(2);
        // the rate limit counts an answer from memory like any other, and its headers are this request's
        assertThat(Integer.parseInt(third.header("X-Soracom-Ratelimit-Remaining")))
                .isEqualTo(Integer.parseInt(second.header("X-Soracom-Ratelimit-Remaining")) - 1);
        // another query is another answer
        assertThat(as(op).get("/v1/subscribers?limit=1").jsonPath().getList("imsi")).hasSize(1);
    }

    @Test
    void anotherOperatorNeverGetsTheAnswerKeptForOne() {
        Operator one = newOperator();
        Operator other = newOperator();
        String onesSim = registeredSim(one);
        String othersSim = registeredSim(other);

        assertThat(thirdTime(() -> as(one).get("/v1/subscribers")).jsonPath().getList("imsi")).containsExactly(onesSim);
        assertThat(as(other).get("/v1/subscribers").jsonPath().getList("imsi")).containsExactly(othersSim);
        assertThat(thirdTime(() -> as(other).get("/v1/subscribers")).jsonPath().getList("imsi"))
                .containsExactly(othersSim);
    }

    @Test
    void everyChangeIsSeenByTheNextRead() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        Supplier<Response> subscribers = () -> as(op).get("/v1/subscribers");
        Supplier<Response> sims = () -> as(op).get("/v1/sims");
        thirdTime(subscribers);
        thirdTime(sims);

        // a write of the API
        as(op).contentType(ContentType.JSON).body(List.of(Map.of("tagName", "name", "tagValue", "fresh")))
                .put("/v1/subscribers/" + imsi + "/tags").then().statusCode(200);
        assertThat(subscribers.get().<String>path("[0].tags.name")).isEqualTo("fresh");
        assertThat(sims.get().<String>path("[0].tags.name")).isEqualTo("fresh");

        // the device side, through the control API
        thirdTime(subscribers);
        api().contentType(ContentType.JSON).body(Map.of("online", true)).post("/_mock/sims/" + imsi + "/session")
                .then().statusCode(200);
        assertThat(subscribers.get().<Boolean>path("[0].sessionStatus.online")).isTrue();

        // another domain's delete: the group's SIMs leave it (a foreign key, not the SIM store)
        Response group = as(op).contentType(ContentType.JSON).body(Map.of("name", "cached")).post("/v1/groups");
        group.then().statusCode(201);
        String groupId = group.path("groupId");
        as(op).contentType(ContentType.JSON).body(Map.of("groupId", groupId)).post("/v1/sims/" + imsi + "/set_group")
                .then().statusCode(200);
        assertThat(thirdTime(subscribers).<String>path("[0].groupId")).isEqualTo(groupId);
        assertThat(thirdTime(() -> as(op).get("/v1/groups")).jsonPath().getList("groupId")).containsExactly(groupId);
        as(op).delete("/v1/groups/" + groupId).then().statusCode(204);
        assertThat(subscribers.get().<String>path("[0].groupId")).isNull();
        assertThat(as(op).get("/v1/groups").jsonPath().getList("groupId")).isEmpty();
    }

    @Test
    void aWriteMadeWhileReadingIsSeenByTheNextRead() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        as(op).post("/v1/subscribers/" + imsi + "/activate").then().statusCode(200);
        long now = Instant.parse(api().get("/_mock/clock").<String>path("now")).toEpochMilli();
        as(op).contentType(ContentType.JSON).body(Map.of("expiryTime", now + 3_600_000, "expiryAction", "deactivate"))
                .post("/v1/subscribers/" + imsi + "/set_expiry_time").then().statusCode(200);
        try {
            api().contentType(ContentType.JSON).body(Map.of("seconds", 7200)).post("/_mock/clock/advance")
                    .then().statusCode(200);
            Supplier<Response> subscribers = () -> as(op).get("/v1/subscribers");
            // a list shows the SIM as stored: the expiry is carried out when the SIM itself is read
            assertThat(thirdTime(subscribers).<String>path("[0].status")).isEqualTo("active");

            // a GET, which writes the SIM's expiry
            assertThat(as(op).get("/v1/subscribers/" + imsi).<String>path("status")).isEqualTo("inactive");

            assertThat(subscribers.get().<String>path("[0].status")).isEqualTo("inactive");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aStoreWritingOutsideARequestMovesTheGenerationOnAgainWhenItsTransactionEnds() {
        long before = changes.stable();
        long[] inside = new long[1];

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            changes.changed();
            changes.changed();
            inside[0] = changes.stable();
        });

        assertThat(inside[0]).isGreaterThan(before);
        // answers read inside the transaction (at inside[0]) are stale once it has committed
        assertThat(changes.stable()).isGreaterThan(inside[0]);
    }

    @Test
    void noAnswerIsKeptWhileAChangeRuns() {
        long before = changes.stable();
        changes.begin();
        try {
            assertThat(changes.stable()).isEqualTo(-1);
        } finally {
            changes.end();
        }
        assertThat(changes.stable()).isGreaterThan(before);
    }
}
