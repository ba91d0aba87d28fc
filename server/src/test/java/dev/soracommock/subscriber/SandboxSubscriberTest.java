package dev.soracommock.subscriber;

import static dev.soracommock.support.SoracomError.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** POST /sandbox/subscribers/create and registering what it creates (soracom-facts §3.4, §3.5). */
class SandboxSubscriberTest extends SimTestSupport {

    @Test
    void anEmptyBodyWithContentTypeJsonCreatesAPlan01sSimWithTheObservedFields() {
        Operator op = newOperator();

        Response r = as(op).contentType(ContentType.JSON).body("").post("/v1/sandbox/subscribers/create");

        r.then().statusCode(200);
        Map<String, Object> json = r.jsonPath().getMap("$");
        assertThat(json).containsOnlyKeys("apn", "iccid", "imsi", "ipAddress", "moduleType", "msisdn", "operatorId",
                "plan", "registrationSecret", "serialNumber", "sessionStatus", "simId", "subscription", "tags", "type");
        String imsi = (String) json.get("imsi");
        assertThat(imsi).matches("00101\\d{10}");
        assertThat(json.get("iccid")).isEqualTo(imsi);
        assertThat(json.get("simId")).isEqualTo(imsi);
        assertThat((String) json.get("msisdn")).matches("999\\d{9}");
        assertThat((String) json.get("serialNumber")).matches("TS\\d{13}");
        assertThat((String) json.get("registrationSecret")).matches("\\d{5}");
        assertThat((String) json.get("ipAddress")).matches("10\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
        assertThat(json.get("apn")).isEqualTo("soracom-sandbox.io");
        assertThat(json.get("operatorId")).isEqualTo("OP9999999999");
        assertThat(json.get("subscription")).isEqualTo("plan01s");
        assertThat(json.get("type")).isEqualTo("s1.standard");
        assertThat(json.get("plan")).isEqualTo(1);
        assertThat(json.get("tags")).isEqualTo(Map.of());
        assertThat(json.get("sessionStatus")).isEqualTo(Map.of("online", false));
    }

    @Test
    void noBodyAtAllWorksToo() throws Exception {
        Operator op = newOperator();
        // RestAssured always sends a Content-Type with a POST; the JDK client sends none, as the Go SDK does
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/v1/sandbox/subscribers/create"))
                        .header("X-Soracom-API-Key", op.apiKey()).header("X-Soracom-Token", op.token())
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"subscription\":\"plan01s\"");
    }

    @Test
    void withoutCredentialsASimIsCreatedThatAnyOperatorCanRegister() {
        Operator op = newOperator();

        Response r = api().contentType(ContentType.JSON).body(Map.of("subscription", "plan-D")).post("/v1/sandbox/subscribers/create");

        r.then().statusCode(200);
        assertThat((String) r.path("operatorId")).isEqualTo("OP9999999999");
        assertThat((String) r.path("subscription")).isEqualTo("plan-D");
        assertThat(r.header("X-Soracom-Ratelimit-Remaining")).isNotNull();
        String imsi = r.path("imsi");
        assertError(as(op).get("/v1/subscribers/" + imsi), 404, "SEM0001");
        assertThat(register(op, imsi, Map.of("registrationSecret", r.path("registrationSecret"))).statusCode()).isEqualTo(200);
        assertThat(as(op).get("/v1/subscribers").jsonPath().getList("imsi")).contains(imsi);
    }

    @Test
    void credentialsThatAreSentAreChecked() {
        Operator op = newOperator();

        assertError(api().header("X-Soracom-API-Key", op.apiKey()).contentType(ContentType.JSON).body(Map.of())
                .post("/v1/sandbox/subscribers/create"), 401, "AUM0001");
        assertError(api().header("X-Soracom-API-Key", "api-nobody").header("X-Soracom-Token", op.token())
                .contentType(ContentType.JSON).body(Map.of()).post("/v1/sandbox/subscribers/create"), 401, "AUM0009");
        assertError(api().delete("/v1/sandbox/operators/" + op.operatorId()), 401, "AUM0001");
    }

    @Test
    void subscriptionAndBundlesAreTakenAndValidated() {
        Operator op = newOperator();
        Response r = as(op).contentType(ContentType.JSON)
                .body(Map.of("subscription", "plan-DU", "bundles", List.of("DU-10GB")))
                .post("/v1/sandbox/subscribers/create");
        r.then().statusCode(200);
        assertThat((String) r.path("subscription")).isEqualTo("plan-DU");
        assertThat((String) r.path("type")).isEqualTo("u1.standard");

        Response wrong = as(op).contentType(ContentType.JSON)
                .body(Map.of("subscription", "plan01s", "bundles", List.of("DU-10GB")))
                .post("/v1/sandbox/subscribers/create");
        assertError(wrong, 400, "SEM0018");
        Response unknown = as(op).contentType(ContentType.JSON).body(Map.of("subscription", "plan-nope"))
                .post("/v1/sandbox/subscribers/create");
        assertError(unknown, 400, "COM0008");
    }

    @Test
    void identifiersAreUniqueWithinTheServer() {
        Operator op = newOperator();
        Set<String> imsis = new HashSet<>();
        Set<String> msisdns = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            Response r = as(op).contentType(ContentType.JSON).post("/v1/sandbox/subscribers/create");
            imsis.add(r.path("imsi"));
            msisdns.add(r.path("msisdn"));
        }
        assertThat(imsis).hasSize(10);
        assertThat(msisdns).hasSize(10);
    }

    @Test
    void registeringMakesTheSimTheCallersAndReady() {
        Operator op = newOperator();
        NewSim sim = createSandboxSim(op);

        Response r = register(op, sim.imsi(), Map.of("registrationSecret", sim.registrationSecret(), "groupId", "",
                "tags", Map.of("name", "first")));

        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        assertThat((String) r.path("operatorId")).isEqualTo(op.operatorId());
        assertThat((String) r.path("status")).isEqualTo("ready");
        assertThat((String) r.path("groupId")).isNull();
        assertThat((String) r.path("tags.name")).isEqualTo("first");
        assertThat((Object) r.path("registeredTime")).isNotNull();
        as(op).get("/v1/subscribers/" + sim.imsi()).then().statusCode(200);
    }

    @Test
    void aRegisteredSimsSubscriptionAndTagsAreTheCallersInListsSearchesAndLaterChanges() {
        Operator op = newOperator();
        NewSim sim = createSandboxSim(op, Map.of("subscription", "plan-D"));
        register(op, sim.imsi(), Map.of("registrationSecret", sim.registrationSecret(),
                "tags", Map.of("name", "porch", "room", "hall"))).then().statusCode(200);

        Response listed = as(op).queryParam("tag_name", "room").queryParam("tag_value", "hall").get("/v1/subscribers");
        assertThat(listed.jsonPath().getList("imsi", String.class)).containsExactly(sim.imsi());
        assertThat(as(op).queryParam("tag", "porch").get("/v1/query/sims").jsonPath().getList("simId", String.class))
                .containsExactly(sim.imsi());

        as(op).contentType(ContentType.JSON).body(List.of(Map.of("tagName", "room", "tagValue", "attic")))
                .put("/v1/subscribers/" + sim.imsi() + "/tags").then().statusCode(200);
        as(op).delete("/v1/subscribers/" + sim.imsi() + "/tags/name").then().statusCode(204);
        as(op).contentType(ContentType.JSON).body(List.of("D-500MB"))
                .put("/v1/subscribers/" + sim.imsi() + "/bundles").then().statusCode(200);

        Response r = as(op).get("/v1/subscribers/" + sim.imsi());
        assertThat(r.jsonPath().getMap("tags")).isEqualTo(Map.of("room", "attic"));
        assertThat(r.jsonPath().getList("bundles", String.class)).containsExactly("D-500MB");
        assertThat(as(op).queryParam("tag_name", "room").queryParam("tag_value", "att")
                .queryParam("tag_value_match_mode", "prefix").get("/v1/subscribers").jsonPath().getList("imsi",
                        String.class)).containsExactly(sim.imsi());
        assertThat(as(op).queryParam("bundles", "d-500").get("/v1/query/subscribers").jsonPath()
                .getList("imsi", String.class)).containsExactly(sim.imsi());
    }

    @Test
    void aWrongSecretOrASecondRegistrationIsRefused() {
        Operator op = newOperator();
        NewSim sim = createSandboxSim(op);
        String wrong = sim.registrationSecret().equals("00000") ? "11111" : "00000";

        assertError(register(op, sim.imsi(), Map.of("registrationSecret", wrong)), 400, "SEM0003");
        assertError(as(op).get("/v1/subscribers/" + sim.imsi()), 404, "SEM0001");

        assertThat(register(op, sim).statusCode()).isEqualTo(200);
        assertError(register(op, sim), 400, "SEM0004");
        assertError(register(newOperator(), sim), 400, "SEM0004");
        assertError(register(op, "001019999999999", Map.of("registrationSecret", "12345")), 404, "SEM0001");
    }

    @Test
    void registeringWithAnUnknownGroupIsRefusedAndChangesNothing() {
        Operator op = newOperator();
        NewSim sim = createSandboxSim(op);
        assertError(register(op, sim.imsi(), Map.of("registrationSecret", sim.registrationSecret(), "groupId",
                "no-such-group")), 404, "SEM0501");
        assertThat(register(op, sim).statusCode()).isEqualTo(200);
    }

    @Test
    void aSandboxSimRegistersThroughTheSimViewToo() {
        Operator op = newOperator();
        NewSim sim = createSandboxSim(op);
        Response r = as(op).contentType(ContentType.JSON)
                .body(Map.of("registrationSecret", sim.registrationSecret())).post("/v1/sims/" + sim.imsi() + "/register");
        r.then().statusCode(201);
        assertThat((String) r.path("simId")).isEqualTo(sim.imsi());
        assertThat((String) r.path("status")).isEqualTo("ready");
        assertThat((String) r.path("type")).isEqualTo("uicc");
        assertThat((String) r.path("operatorId")).isEqualTo(op.operatorId());
    }
}
