package dev.soracommock.summary;

import static dev.soracommock.support.SoracomError.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simsPerStatus summary counts the caller's SIMs per status as they are created and change status. */
class ResourceSummaryApiTest extends ApiTest {

    private String newSim(Operator op) {
        Response r = as(op).contentType(ContentType.JSON).body(Map.of("type", "virtual", "subscription", "planArc01"))
                .post("/v1/sims");
        r.then().statusCode(201);
        return r.path("simId");
    }

    private Map<String, Number> counts(Operator op) {
        Response r = as(op).get("/v1/resource_summaries/simsPerStatus");
        r.then().statusCode(200);
        assertThat((String) r.path("resourceSummaryType")).isEqualTo("simsPerStatus");
        assertThat(r.jsonPath().getList("resourceSummaryItems")).hasSize(1);
        assertThat(r.jsonPath().getList("resourceSummaryItems[0].dimensions")).isEmpty();
        assertThat(r.jsonPath().getLong("resourceSummaryItems[0].updatedTime")).isPositive();
        Map<String, Number> out = new HashMap<>();
        List<Map<String, Object>> values = r.jsonPath().getList("resourceSummaryItems[0].values");
        values.forEach(v -> out.put((String) v.get("name"), (Number) v.get("value")));
        return out;
    }

    private void post(Operator op, String simId, String action) {
        as(op).post("/v1/sims/" + simId + "/" + action).then().statusCode(200);
    }

    @Test
    void countsFollowTheSimsStatuses() {
        Operator op = newOperator();
        assertThat(counts(op)).containsOnlyKeys("readySims", "activeSims", "inactiveSims", "standbySims", "suspendedSims")
                .allSatisfy((k, v) -> assertThat(v.intValue()).as(k).isZero());

        String a = newSim(op);
        String b = newSim(op);
        String c = newSim(op);
        String d = registeredSim(op);
        assertThat(counts(op).get("readySims").intValue()).isEqualTo(4);

        post(op, a, "activate");
        post(op, b, "activate");
        post(op, b, "suspend");
        post(op, d, "set_to_standby");
        Map<String, Number> now = counts(op);
        assertThat(now.get("readySims").intValue()).isEqualTo(1);
        assertThat(now.get("activeSims").intValue()).isEqualTo(1);
        assertThat(now.get("suspendedSims").intValue()).isEqualTo(1);
        assertThat(now.get("standbySims").intValue()).isEqualTo(1);
        assertThat(now.get("inactiveSims").intValue()).isZero();

        post(op, c, "deactivate");
        post(op, a, "deactivate");
        now = counts(op);
        assertThat(now.get("inactiveSims").intValue()).isEqualTo(2);
        assertThat(now.get("readySims").intValue()).isZero();
        assertThat(now.get("activeSims").intValue()).isZero();
    }

    @Test
    void eachOperatorCountsItsOwnSimsOnly() {
        Operator owner = newOperator();
        Operator other = newOperator();
        newSim(owner);
        newSim(owner);
        assertThat(counts(owner).get("readySims").intValue()).isEqualTo(2);
        assertThat(counts(other).get("readySims").intValue()).isZero();
    }

    @Test
    void anUnknownSummaryTypeIsRefused() {
        Operator op = newOperator();
        assertError(as(op).get("/v1/resource_summaries/simsPerGroup"), 400, "COM0008");
    }
}
