package dev.soracommock.subscriber;

import static dev.soracommock.support.SoracomError.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Query tag: /query/sims and /query/subscribers (soracom-facts §4.6). */
class QueryApiTest extends SimTestSupport {

    private void tag(Operator op, String simId, String name, String value) {
        as(op).contentType(ContentType.JSON).body(List.of(Map.of("tagName", name, "tagValue", value)))
                .put("/v1/sims/" + simId + "/tags").then().statusCode(200);
    }

    private static List<String> ids(Response r) {
        r.then().statusCode(200);
        return r.jsonPath().getList("simId", String.class);
    }

    @Test
    void partialCaseInsensitiveMatchingWithAlternativesAndSearchTypes() {
        Operator op = newOperator();
        String a = registeredSim(op);
        String b = registeredSim(op);
        String c = registeredSim(op);
        tag(op, a, "name", "Kitchen Sensor");
        tag(op, b, "name", "garage sensor");
        tag(op, c, "location", "Kitchen");

        assertThat(ids(as(op).queryParam("name", "SENSOR").get("/v1/query/sims"))).containsExactlyInAnyOrder(a, b);
        assertThat(ids(as(op).queryParam("name", "kitchen").get("/v1/query/sims"))).containsExactly(a);
        assertThat(ids(as(op).queryParam("tag", "kitchen").get("/v1/query/sims"))).containsExactlyInAnyOrder(a, c);
        assertThat(ids(as(op).queryParam("name", "kitchen,garage").get("/v1/query/sims"))).containsExactlyInAnyOrder(a, b);
        assertThat(ids(as(op).queryParam("name", "kitchen").queryParam("name", "garage").get("/v1/query/sims")))
                .containsExactlyInAnyOrder(a, b);
        assertThat(ids(as(op).queryParam("name", "kitchen").queryParam("imsi", c).get("/v1/query/sims"))).isEmpty();
        assertThat(ids(as(op).queryParam("name", "kitchen").queryParam("imsi", c).queryParam("search_type", "or")
                .get("/v1/query/sims"))).containsExactlyInAnyOrder(a, c);
        assertThat(ids(as(op).queryParam("imsi", a.substring(5, 12)).get("/v1/query/sims"))).contains(a);
    }

    @Test
    void statusSubscriptionSessionStatusAndSerial() {
        Operator op = newOperator();
        String a = registeredSim(op);
        NewSim du = createSandboxSim(op, Map.of("subscription", "plan-DU"));
        register(op, du).then().statusCode(200);
        as(op).post("/v1/sims/" + a + "/activate").then().statusCode(200);
        device(a, Map.of("online", true, "imei", "490154203237518")).then().statusCode(200);

        assertThat(ids(as(op).queryParam("status", "ACTIVE").get("/v1/query/sims"))).containsExactly(a);
        assertThat(ids(as(op).queryParam("subscription", "plan-DU").get("/v1/query/sims"))).containsExactly(du.imsi());
        assertThat(ids(as(op).queryParam("subscription", "plan-D").get("/v1/query/sims"))).isEmpty();
        assertThat(ids(as(op).queryParam("session_status", "ONLINE").get("/v1/query/sims"))).containsExactly(a);
        assertThat(ids(as(op).queryParam("session_status", "OFFLINE").get("/v1/query/sims"))).containsExactly(du.imsi());
        String serial = as(op).get("/v1/sims/" + a).path("serialNumber");
        assertThat(ids(as(op).queryParam("serial_number", serial.toLowerCase()).get("/v1/query/sims"))).containsExactly(a);
        assertThat(ids(as(op).queryParam("group", "no-group").get("/v1/query/sims"))).isEmpty();
    }

    @Test
    void valuesNeedTwoCharacters() {
        Operator op = newOperator();
        assertError(as(op).queryParam("name", "a").get("/v1/query/sims"), 400, "SEM0017");
        assertError(as(op).queryParam("imsi", "00101,1").get("/v1/query/sims"), 400, "SEM0017");
        assertError(as(op).queryParam("imsi", "x").get("/v1/query/subscribers"), 400, "SEM0017");
    }

    @Test
    void limitDefaultsTo10AndPagesBySimIdIncludingTerminatedSims() {
        Operator op = newOperator();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            all.add(registeredSim(op));
        }
        as(op).post("/v1/sims/" + all.get(0) + "/enable_termination").then().statusCode(200);
        as(op).post("/v1/sims/" + all.get(0) + "/terminate").then().statusCode(200);

        Response first = as(op).queryParam("imsi", "00101").get("/v1/query/sims");
        assertThat(ids(first)).hasSize(10);
        String next = first.header("x-soracom-next-key");
        assertThat(next).isNotNull();
        Response second = as(op).queryParam("imsi", "00101").queryParam("last_evaluated_key", next).get("/v1/query/sims");
        assertThat(ids(second)).hasSize(2);
        assertThat(second.header("x-soracom-next-key")).isNull();
        List<String> seen = new ArrayList<>(ids(first));
        seen.addAll(ids(second));
        assertThat(seen).containsExactlyElementsOf(all.stream().sorted().toList());
    }

    @Test
    void searchSubscribersAnswersSubscribersAndIsScopedToTheCaller() {
        Operator op = newOperator();
        Operator other = newOperator();
        String a = registeredSim(op);
        registeredSim(other);
        Response r = as(op).queryParam("imsi", "00101").get("/v1/query/subscribers");
        r.then().statusCode(200);
        assertThat(r.jsonPath().getList("imsi", String.class)).containsExactly(a);
        assertThat(r.jsonPath().getList("type", String.class)).containsExactly("s1.standard");
        assertThat(ids(as(other).queryParam("imsi", a).get("/v1/query/sims"))).isEmpty();
    }
}
