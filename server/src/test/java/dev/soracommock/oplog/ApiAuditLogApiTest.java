package dev.soracommock.oplog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.clock.MockClock;
import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The API audit log as a user reads it: the operator's own calls, root's and its SAM users', filtered and paged. */
class ApiAuditLogApiTest extends ApiTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

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

    private Response audit(Operator op, Map<String, Object> query) {
        Response r = as(op).queryParams(query).get("/v1/audit_logs/api");
        r.then().statusCode(200);
        return r;
    }

    @Test
    void theOperatorsCallsAreListedNewestFirstWithWhoMadeThem() {
        Operator op = newOperator();
        String users = "/v1/operators/" + op.operatorId() + "/users/";
        as(op).get("/v1/subscribers").then().statusCode(200);
        as(op).contentType(ContentType.JSON).body(Map.of("description", "auditor")).post(users + "auditor")
                .then().statusCode(201);
        as(op).contentType(ContentType.JSON).body(Map.of("password", "auditor-pass")).post(users + "auditor/password")
                .then().statusCode(201);
        as(op).contentType(ContentType.JSON).body(Map.of("permission",
                "{\"statements\":[{\"effect\":\"allow\",\"api\":[\"Subscriber:listSubscribers\",\"Group:listGroups\"]}]}"))
                .put(users + "auditor/permission").then().statusCode(200);
        Response login = api().contentType(ContentType.JSON)
                .body(Map.of("operatorId", op.operatorId(), "userName", "auditor", "password", "auditor-pass"))
                .post("/v1/auth");
        login.then().statusCode(200);
        Operator auditor = new Operator(op.operatorId(), login.path("apiKey"), login.path("token"), null, null);
        as(auditor).get("/v1/groups").then().statusCode(200);
        as(auditor).get("/v1/subscribers/001019999999999"); // refused by the user's permissions: not audited
        api().get("/_mock/coverage").then().statusCode(200);
        clock.advance(Duration.ofSeconds(1));
        as(op).get("/v1/subscribers/001019999999998").then().statusCode(404);
        long t1 = T0.toEpochMilli() + 1000;
        clock.advance(Duration.ofSeconds(1));

        Response all = audit(op, Map.of());
        // newest first, this very call included; the control API, the sign-up and the logins (no credentials) are not
        // audited; a call refused after the credentials step (404) is
        assertThat(all.jsonPath().getList("requestPath", String.class)).startsWith("/v1/audit_logs/api",
                "/v1/subscribers/001019999999998", "/v1/groups", users + "auditor/permission",
                users + "auditor/password", users + "auditor", "/v1/subscribers");
        assertThat(all.jsonPath().getList("requestPath", String.class)).doesNotContain("/_mock/coverage", "/v1/auth",
                "/v1/subscribers/001019999999999");
        assertThat(all.jsonPath().getList("userName", String.class))
                .startsWith("root", "root", "auditor", "root", "root", "root", "root");
        assertThat(all.jsonPath().getList("apiKind", String.class))
                .startsWith("/v1/audit_logs", "/v1/subscribers", "/v1/groups", "/v1/operators");
        assertThat(all.jsonPath().getList("operatorId", String.class)).containsOnly(op.operatorId());
        assertThat(all.jsonPath().getList("remoteIpAddress", String.class)).containsOnly("127.0.0.1");
        assertThat(all.jsonPath().getList("requestedTimeEpochMs", Long.class)).startsWith(t1 + 1000, t1, T0.toEpochMilli());

        // filters: the kind, and the time window
        assertThat(audit(op, Map.of("api_kind", "/v1/groups")).jsonPath().getList("userName", String.class))
                .containsExactly("auditor");
        assertThat(audit(op, Map.of("api_kind", "/v1/subscribers")).jsonPath().getList("requestPath", String.class))
                .containsExactly("/v1/subscribers/001019999999998", "/v1/subscribers");
        assertThat(audit(op, Map.of("from_epoch_ms", t1, "to_epoch_ms", t1)).jsonPath().getList("requestPath", String.class))
                .containsExactly("/v1/subscribers/001019999999998");
        assertThat(audit(op, Map.of("to_epoch_ms", T0.toEpochMilli() - 1)).jsonPath().getList("$")).isEmpty();

        // paging: two at a time until the end, the same entries as in one list
        List<String> whole = audit(op, Map.of("to_epoch_ms", T0.toEpochMilli())).jsonPath().getList("requestPath", String.class);
        List<String> paged = new java.util.ArrayList<>();
        String key = null;
        int pages = 0;
        do {
            Map<String, Object> q = new java.util.HashMap<>(Map.of("limit", 2, "to_epoch_ms", T0.toEpochMilli()));
            if (key != null) {
                q.put("last_evaluated_key", key);
            }
            Response page = audit(op, q);
            assertThat(page.jsonPath().getList("$").size()).isLessThanOrEqualTo(2);
            paged.addAll(page.jsonPath().getList("requestPath", String.class));
            key = page.header("x-soracom-next-key");
            pages++;
        } while (key != null && pages < 20);
        assertThat(whole).hasSize(5);
        assertThat(paged).containsExactlyElementsOf(whole);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void anotherOperatorSeesOnlyItsOwnCalls() {
        Operator a = newOperator();
        Operator b = newOperator();
        as(a).get("/v1/subscribers").then().statusCode(200);
        as(b).get("/v1/groups").then().statusCode(200);

        Response seenByB = audit(b, Map.of());
        assertThat(seenByB.jsonPath().getList("operatorId", String.class)).containsOnly(b.operatorId());
        assertThat(seenByB.jsonPath().getList("requestPath", String.class)).doesNotContain("/v1/subscribers");
        assertThat(seenByB.asString()).doesNotContain(a.operatorId());
    }

    /**
     * The rows are written behind the requests, in batches: a read of the audit log, an export of the state and an
     * operator's reset right after a burst of calls still see every one of them (more calls than one batch holds).
     */
    @Test
    void everyCallOfABurstIsInTheLogTheExportAndGoneAfterAReset() {
        Operator op = newOperator();
        int calls = ApiAuditWriter.BATCH + 50;
        for (int i = 0; i < calls; i++) {
            as(op).get("/v1/groups").then().statusCode(200);
        }
        Response exported = api().get("/_mock/state");
        exported.then().statusCode(200);
        List<Map<String, Object>> rows = exported.jsonPath().getList("tables.api_audit_log");
        assertThat(rows.stream().filter(r -> op.operatorId().equals(r.get("operator_id")))).hasSize(calls);

        List<String> listed = audit(op, Map.of("limit", 1000)).jsonPath().getList("requestPath", String.class);
        assertThat(listed).hasSize(calls + 1).first().isEqualTo("/v1/audit_logs/api");
        assertThat(listed.subList(1, listed.size())).containsOnly("/v1/groups");

        as(op).get("/v1/groups").then().statusCode(200);
        api().post("/_mock/operators/" + op.operatorId() + "/reset").then().statusCode(200);
        // nothing of before the reset comes back later: the reset wrote what was held, then removed it
        clock.advance(Duration.ofSeconds(1));
        assertThat(audit(op, Map.of()).jsonPath().getList("requestPath", String.class))
                .containsExactly("/v1/audit_logs/api");
    }

    @Autowired
    ApiAuditWriter writer;

    @Autowired
    ApiAuditStore store;

    @Test
    void pruningKeepsTheNewestCallsAsTheLogListsThem() {
        Operator op = newOperator();
        // three calls at a later time first: newer, as the log lists calls by time, though written before the others
        clock.set(T0.plusSeconds(100));
        for (int i = 0; i < 3; i++) {
            as(op).get("/v1/sims").then().statusCode(200);
        }
        clock.set(T0);
        for (int i = 0; i < 4; i++) {
            as(op).get("/v1/subscribers").then().statusCode(200);
            as(op).get("/v1/groups").then().statusCode(200); // the same millisecond as the one before
            clock.advance(Duration.ofSeconds(1));
        }
        writer.flush();
        List<String> before = audit(op, Map.of("limit", 100)).jsonPath().getList("requestPath", String.class);
        assertThat(before).hasSize(12).startsWith("/v1/sims", "/v1/sims", "/v1/sims", "/v1/audit_logs/api",
                "/v1/groups", "/v1/subscribers");

        store.keepNewest(op.operatorId(), 5);

        List<String> after = new ArrayList<>(audit(op, Map.of("limit", 100)).jsonPath().getList("requestPath",
                String.class));
        after.remove("/v1/audit_logs/api"); // the read just made
        assertThat(after).isEqualTo(before.subList(0, 5));
    }
}
