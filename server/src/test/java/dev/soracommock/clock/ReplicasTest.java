package dev.soracommock.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.soracommock.support.ApiTest.Operator;
import dev.soracommock.support.Instance;
import dev.soracommock.support.PostgresTestDatabase;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two instances behind one address answer as one (issue 18): on one database with {@code soracom-mock.shared-state}
 * on, the clock moved, frozen or reset through one instance is the clock of the other, and a rate limit of N per
 * window is N for both together. On H2 both instances are in this JVM on one named in-memory database (shared mode
 * forced on; so the answer cache is off); with {@code -Ppostgres} they share the test PostgreSQL, where the mode is on by itself ("auto": the
 * database is external) — the setting is given anyway so that the test means the same on both.
 */
@Tag("own-emulator") // starts emulators of its own: run in a JVM of its own (pom.xml, surefire)
class ReplicasTest {

    private static final int LIMIT = 3;
    private static final String DEFAULT_EMAIL = "operator@soracom-mock.test";
    private static final String DEFAULT_PASSWORD = "soracom-mock-password";

    @Test
    void twoInstancesOnOneDatabaseShareTheClockTheRateLimitsAndTheState() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("soracom-mock.shared-state", "true");
        settings.put("soracom-mock.rate-limit.operations.listGroups", LIMIT);
        if (!PostgresTestDatabase.enabled()) {
            settings.put("spring.datasource.url", "jdbc:h2:mem:replicas-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }
        try (Instance a = Instance.start(settings); Instance b = Instance.start(settings)) {
            try {
                // the clock: frozen and set through A, B answers with the same time
                Instant at = Instant.parse("2031-05-06T07:08:05Z");
                clock(a.api().contentType(ContentType.JSON).body(Map.of("now", at.toString(), "frozen", true))
                        .put("/_mock/clock"));
                assertThat(clock(b.api().get("/_mock/clock"))).containsEntry("now", "2031-05-06T07:08:05Z")
                        .containsEntry("frozen", true);

                // advanced through B, A follows; an API time field on A says so too
                clock(b.api().contentType(ContentType.JSON).body(Map.of("seconds", 3600)).post("/_mock/clock/advance"));
                assertThat(clock(a.api().get("/_mock/clock"))).containsEntry("now", "2031-05-06T08:08:05Z");

                // a user signed up and a SIM created through A: B serves them (the tables were shared before)
                String email = "replica-" + UUID.randomUUID() + "@example.com";
                Operator op = a.signUp(email, "p@ssw0rd-18");
                String imsi = a.registeredSim(op);
                assertThat(b.imsis(op)).containsExactly(imsi);
                // repeated reads on A are not answered from A's memory: a change made through B is seen at once
                for (int i = 0; i < 3; i++) {
                    a.as(op).get("/v1/subscribers/" + imsi).then().statusCode(200);
                }
                b.as(op).contentType(ContentType.JSON).body(List.of(Map.of("tagName", "via", "tagValue", "b")))
                        .put("/v1/subscribers/" + imsi + "/tags").then().statusCode(200);
                a.as(op).get("/v1/subscribers/" + imsi).then().statusCode(200).body("tags.via", equalTo("b"));
                // the API audit log: a call made through A is listed at once by B (written on the request thread when
                // instances share the database; a queue in A's memory would hide it)
                a.as(op).get("/v1/subscribers/" + imsi).then().statusCode(200);
                Response audit = b.as(op).get("/v1/audit_logs/api");
                audit.then().statusCode(200);
                assertThat(audit.jsonPath().getList("requestPath", String.class)).contains("/v1/subscribers/" + imsi);
                Response created = b.as(op).contentType(ContentType.JSON).body(Map.of("name", "replicas"))
                        .post("/v1/groups");
                created.then().statusCode(201);
                assertThat(created.<Long>path("createdTime")).isEqualTo(Instant.parse("2031-05-06T08:08:05Z").toEpochMilli());

                // the rate limit: LIMIT calls split across A and B, then the next one is refused on either
                List<Instance> turns = List.of(a, b, a);
                for (int i = 0; i < LIMIT; i++) {
                    Response r = turns.get(i).as(op).get("/v1/groups");
                    r.then().statusCode(200);
                    assertThat(r.header("X-Soracom-Ratelimit-Remaining")).isEqualTo(Integer.toString(LIMIT - 1 - i));
                }
                b.as(op).get("/v1/groups").then().statusCode(429).header("Retry-After", "55");
                a.as(op).get("/v1/groups").then().statusCode(429);

                // the next window (the clock moved through A) is open again on B
                clock(a.api().contentType(ContentType.JSON).body(Map.of("seconds", 60)).post("/_mock/clock/advance"));
                b.as(op).get("/v1/groups").then().statusCode(200)
                        .header("X-Soracom-Ratelimit-Remaining", Integer.toString(LIMIT - 1));

                // unfrozen through B: A's clock runs again, from where it stood
                assertThat(clock(b.api().contentType(ContentType.JSON).body(Map.of("frozen", false)).put("/_mock/clock")))
                        .containsEntry("frozen", false);
                Map<String, Object> onA = clock(a.api().get("/_mock/clock"));
                assertThat(onA).containsEntry("frozen", false);
                assertThat(Instant.parse((String) onA.get("now"))).isAfterOrEqualTo(Instant.parse("2031-05-06T08:09:05Z"));

                // reset through A clears the shared counts: the default operator (re-created by the reset, the same ID)
                // exhausts its limit in a frozen window, and after the reset the same window is open again on B
                Map<String, Object> window = Map.of("now", "2031-05-06T09:00:05Z", "frozen", true);
                clock(a.api().contentType(ContentType.JSON).body(window).put("/_mock/clock"));
                Operator first = a.logIn(DEFAULT_EMAIL, DEFAULT_PASSWORD);
                for (Instance each : List.of(b, a, b)) {
                    each.as(first).get("/v1/groups").then().statusCode(200);
                }
                a.as(first).get("/v1/groups").then().statusCode(429);

                a.api().post("/_mock/reset").then().statusCode(200);
                // the clock is the system's again, on B too
                Map<String, Object> afterReset = clock(b.api().get("/_mock/clock"));
                assertThat(afterReset).containsEntry("frozen", false);
                assertThat(Instant.parse((String) afterReset.get("now"))).isBefore(Instant.parse("2031-01-01T00:00:00Z"));

                clock(b.api().contentType(ContentType.JSON).body(window).put("/_mock/clock"));
                Operator again = b.logIn(DEFAULT_EMAIL, DEFAULT_PASSWORD);
                assertThat(again.operatorId()).isEqualTo(first.operatorId());
                b.as(again).get("/v1/groups").then().statusCode(200)
                        .header("X-Soracom-Ratelimit-Remaining", Integer.toString(LIMIT - 1));
            } finally {
                a.api().post("/_mock/reset").then().statusCode(200); // the test PostgreSQL serves the next classes
            }
        }
    }

    private static Map<String, Object> clock(Response r) {
        r.then().statusCode(200);
        return r.jsonPath().getMap("$");
    }
}
