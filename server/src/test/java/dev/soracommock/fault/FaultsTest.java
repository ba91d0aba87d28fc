package dev.soracommock.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /_mock/faults}: latency, errors and throttling injected into the emulated APIs. */
class FaultsTest extends ApiTest {

    private static final String ESIM = "/esim-commerce/v1/esims/8900000000000000009";

    @AfterEach
    void removeFaults() {
        api().delete("/_mock/faults").then().statusCode(204);
    }

    private Response addFault(Map<String, ?> fault) {
        return api().contentType(ContentType.JSON).body(fault).post("/_mock/faults");
    }

    private String fault(Map<String, ?> fault) {
        Response r = addFault(fault);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
        return r.path("id");
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void anErrorFaultAnswersItsStatusInSoracomsErrorForm() {
        Operator op = newOperator();
        Response created = addFault(map("operationId", "listGroups", "type", "error", "status", 503, "code", "COM0099",
                "message", "Service temporarily unavailable"));
        created.then().statusCode(201);
        assertThat(created.<String>path("id")).startsWith("flt-");
        assertThat(created.<Integer>path("hits")).isZero();
        assertThat(created.<Float>path("probability")).isEqualTo(1f);

        Response r = as(op).get("/v1/groups");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.<String>path("code")).isEqualTo("COM0099");
        assertThat(r.<String>path("message")).isEqualTo("Service temporarily unavailable");
        as(op).get("/v1/subscribers").then().statusCode(200);
        assertThat(api().get("/_mock/faults").<Integer>path("[0].hits")).isEqualTo(1);
    }

    @Test
    void anErrorFaultWithoutCodeAnswersTheEmulatorsFaultCodeInTheCallersLanguage() {
        Operator op = newOperator();
        String id = fault(map("operationId", "listGroups", "type", "error", "status", 500));
        Response r = as(op).header("X-Soracom-Lang", "ja").get("/v1/groups");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.<String>path("code")).isEqualTo("MCK0002");
        assertThat(r.<String>path("message")).isEqualTo("soracom-mock が注入した障害です: " + id);
        assertThat(r.header("Content-Language")).isEqualTo("ja");
    }

    @Test
    void anErrorFaultUnderEsimCommerceAnswersTheNestJsEnvelope() {
        fault(map("path", "/esim-commerce/**", "type", "error", "status", 502, "message", "upstream down"));
        Response r = api().header("X-API-Key", "fault-test").get(ESIM);
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.<Integer>path("statusCode")).isEqualTo(502);
        assertThat(r.<String>path("message")).isEqualTo("upstream down");
        assertThat(r.<String>path("error")).isEqualTo("Bad Gateway");
        assertThat(r.<String>path("code")).isNull();
    }

    @Test
    void aThrottleFaultAnswers429WithTheRateLimitHeadersOfTheSoracomApi() {
        Operator op = newOperator();
        Response normal = as(op).get("/v1/groups");
        normal.then().statusCode(200);
        fault(map("tag", "Group", "type", "throttle"));

        Response r = as(op).get("/v1/groups");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.<String>path("code")).isEqualTo("COM0007");
        assertThat(r.header("X-Soracom-Ratelimit-Limit")).isEqualTo(normal.header("X-Soracom-Ratelimit-Limit"));
        assertThat(r.header("X-Soracom-Ratelimit-Remaining")).isEqualTo("0");
        int seconds = Integer.parseInt(r.header("X-Soracom-Ratelimit-Seconds-Before-Refresh"));
        assertThat(seconds).isBetween(1, 60);
        assertThat(r.header("Retry-After")).isEqualTo(Integer.toString(seconds));
        assertThat(r.<String>path("message")).isEqualTo("Rate limit exceeded. Retry after " + seconds + " seconds.");
    }

    @Test
    void aThrottleFaultOnACallWithoutCredentialsAnnouncesThePerIpLimitItIsCountedAgainst() {
        String create = "/v1/sandbox/subscribers/create";
        Response normal = api().contentType(ContentType.JSON).body(Map.of()).post(create);
        normal.then().statusCode(200);
        fault(map("operationId", "sandboxCreateSubscriber", "type", "throttle"));

        Response r = api().contentType(ContentType.JSON).body(Map.of()).post(create);

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.header("X-Soracom-Ratelimit-Limit")).isEqualTo(normal.header("X-Soracom-Ratelimit-Limit"));
    }

    @Test
    void aThrottleFaultAnswers429WithTheRateLimitHeadersOfEsimCommerce() {
        fault(map("operationId", "getEsim", "type", "throttle"));
        Response r = api().header("X-API-Key", "fault-test").get(ESIM);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.<Integer>path("statusCode")).isEqualTo(429);
        assertThat(r.<String>path("message")).isEqualTo("ThrottlerException: Too Many Requests");
        assertThat(r.header("X-RateLimit-Limit")).isEqualTo("60");
        assertThat(r.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(r.header("Retry-After")).isEqualTo(r.header("X-RateLimit-Reset"));
        assertThat(r.header("X-Soracom-Ratelimit-Limit")).isNull();
    }

    @Test
    void aLatencyFaultDelaysTheAnswerWhichStaysCorrectAndTheJournalNamesTheFault() {
        Operator op = newOperator();
        String id = fault(map("cli", "groups list", "type", "latency", "latencyMs", 30));
        Response r = as(op).get("/v1/groups");
        r.then().statusCode(200);
        assertThat(r.<List<?>>path("$")).isEmpty();

        Response journal = api().queryParam("operatorId", op.operatorId()).queryParam("operationId", "listGroups")
                .get("/_mock/requests");
        assertThat(journal.<String>path("[0].fault")).isEqualTo(id);
        assertThat(journal.<Integer>path("[0].status")).isEqualTo(200);
    }

    @Test
    void everyCriterionGivenMustMatch() {
        Operator op = newOperator();
        fault(map("tag", "Group", "method", "post", "type", "error", "status", 500));
        as(op).get("/v1/groups").then().statusCode(200);
        Response post = as(op).contentType(ContentType.JSON).body(Map.of()).post("/v1/groups");
        assertThat(post.statusCode()).isEqualTo(500);
        assertThat(post.<String>path("code")).isEqualTo("MCK0002");
    }

    @Test
    void aFaultMatchesByPathPatternByMethodAndByCliCommand() {
        Operator op = newOperator();
        String byPath = fault(map("path", "/v1/subscribers/*/tags", "type", "error", "status", 500));
        as(op).get("/v1/subscribers").then().statusCode(200);
        as(op).get("/v1/subscribers/440100000000000").then().statusCode(404);
        as(op).contentType(ContentType.JSON).body(List.of(Map.of("tagName", "a", "tagValue", "b")))
                .put("/v1/subscribers/440100000000000/tags").then().statusCode(500);
        api().delete("/_mock/faults/" + byPath).then().statusCode(204);

        String byMethod = fault(map("method", "DELETE", "type", "error", "status", 409));
        as(op).delete("/v1/groups/no-such-group").then().statusCode(409);
        as(op).get("/v1/groups").then().statusCode(200);
        api().delete("/_mock/faults/" + byMethod).then().statusCode(204);

        fault(map("cli", "soracom subscribers list", "type", "error", "status", 500));
        as(op).get("/v1/subscribers").then().statusCode(500);
        as(op).get("/v1/groups").then().statusCode(200);
    }

    @Test
    void faultsNeverApplyToTheControlApi() {
        fault(map("method", "GET", "type", "error", "status", 500));
        api().get("/_mock/faults").then().statusCode(200);
        api().get("/_mock/clock").then().statusCode(200);
        Response refused = addFault(map("path", "/_mock/**", "type", "error", "status", 500));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.<String>path("code")).isEqualTo("COM0008");
    }

    @Test
    void aSeededFaultGivesTheSameSequenceOnEveryRun() {
        Operator op = newOperator();
        Map<String, Object> spec = map("operationId", "listGroups", "type", "error", "status", 500,
                "probability", 0.5, "seed", 42);
        List<Integer> first = run(op, spec);
        List<Integer> second = run(op, spec);
        assertThat(second).isEqualTo(first);
        assertThat(first).contains(200, 500);
        List<Integer> otherSeed = run(op, map("operationId", "listGroups", "type", "error", "status", 500,
                "probability", 0.5, "seed", 7));
        assertThat(otherSeed).isNotEqualTo(first);
    }

    private List<Integer> run(Operator op, Map<String, Object> spec) {
        String id = fault(spec);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(as(op).get("/v1/groups").statusCode());
        }
        int hits = api().get("/_mock/faults").path("find { it.id == '" + id + "' }.hits");
        assertThat(hits).isEqualTo((int) statuses.stream().filter(s -> s == 500).count());
        api().delete("/_mock/faults/" + id).then().statusCode(204);
        return statuses;
    }

    @Test
    void aFaultWithTimesDisappearsAfterThatManyHits() {
        Operator op = newOperator();
        fault(map("operationId", "listGroups", "type", "error", "status", 500, "times", 2));
        as(op).get("/v1/groups").then().statusCode(500);
        assertThat(api().get("/_mock/faults").<Integer>path("[0].hits")).isEqualTo(1);
        as(op).get("/v1/groups").then().statusCode(500);
        as(op).get("/v1/groups").then().statusCode(200);
        assertThat(api().get("/_mock/faults").<List<?>>path("$")).isEmpty();
    }

    @Test
    void faultsAreRemovedOneByOneOrAllAtOnce() {
        Operator op = newOperator();
        String a = fault(map("operationId", "listGroups", "type", "error", "status", 500));
        String b = fault(map("operationId", "listSubscribers", "type", "error", "status", 500));
        assertThat(api().get("/_mock/faults").<List<String>>path("id")).containsExactly(a, b);

        api().delete("/_mock/faults/" + a).then().statusCode(204);
        as(op).get("/v1/groups").then().statusCode(200);
        as(op).get("/v1/subscribers").then().statusCode(500);
        Response unknown = api().delete("/_mock/faults/" + a);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.<String>path("code")).isEqualTo("COM0002");

        api().delete("/_mock/faults").then().statusCode(204);
        assertThat(api().get("/_mock/faults").<List<?>>path("$")).isEmpty();
        as(op).get("/v1/subscribers").then().statusCode(200);
    }

    @Test
    void resetRemovesEveryFault() {
        fault(map("operationId", "listGroups", "type", "error", "status", 500));
        api().post("/_mock/reset").then().statusCode(200);
        assertThat(api().get("/_mock/faults").<List<?>>path("$")).isEmpty();
        Operator op = newOperator();
        as(op).get("/v1/groups").then().statusCode(200);
        assertThat(fault(map("tag", "Group", "type", "throttle"))).isEqualTo("flt-000001");
    }

    @Test
    void anInvalidFaultIsRefusedWithA400AndNothingIsAdded() {
        List<Map<String, Object>> invalid = List.of(
                map("type", "error", "status", 500),
                map("operationId", "listGroups", "type", "explode"),
                map("operationId", "listGroups", "type", "error"),
                map("operationId", "listGroups", "type", "error", "status", 302),
                map("operationId", "listGroups", "type", "latency"),
                map("operationId", "noSuchOperation", "type", "throttle"),
                map("operationId", "resetEmulator", "type", "throttle"),
                map("tag", "NoSuchTag", "type", "throttle"),
                map("cli", "groups explode", "type", "throttle"),
                map("method", "FETCH", "type", "throttle"),
                map("operationId", "listGroups", "method", "POST", "type", "throttle"),
                map("operationId", "listGroups", "type", "throttle", "probability", 1.5),
                map("operationId", "listGroups", "type", "throttle", "times", 0));
        for (Map<String, Object> body : invalid) {
            Response r = addFault(body);
            assertThat(r.statusCode()).as("%s -> %s", body, r.asString()).isEqualTo(400);
            assertThat(r.<String>path("code")).as("%s", body).isIn("COM0008", "COM0001");
            assertThat(r.<String>path("message")).as("%s", body).isNotBlank();
        }
        Response noCriterion = addFault(map("type", "error", "status", 500));
        assertThat(noCriterion.<String>path("message")).contains("at least one of operationId, tag, path, method, cli");
        assertThat(api().get("/_mock/faults").<List<?>>path("$")).isEmpty();
    }
}
