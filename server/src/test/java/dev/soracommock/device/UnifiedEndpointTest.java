package dev.soracommock.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.clock.MockClock;
import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The device's Unified Endpoint route through HTTP: a SIM in a group with Harvest Data enabled sends data, which the
 * DataEntry API, the SIM's and the subscriber's data lists then show (newest first, paged, filtered by time); the
 * device's errors; Funnel / Funk deliveries; Harvest stats and Air traffic; tenant isolation; state round trip.
 */
class UnifiedEndpointTest extends ApiTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

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

    // --- helpers ---

    /** A registered, active sandbox SIM of the operator; its IMSI (= SIM ID). */
    private String activeSim(Operator op) {
        String imsi = registeredSim(op);
        as(op).post("/v1/subscribers/" + imsi + "/activate").then().statusCode(200);
        return imsi;
    }

    private void online(String simId, boolean online) {
        api().contentType(ContentType.JSON).body(Map.of("online", online)).post("/_mock/sims/" + simId + "/session")
                .then().statusCode(200);
    }

    /** A group with these namespaces' settings, the SIM in it. */
    private String groupWith(Operator op, String simId, Map<String, Map<String, Object>> configuration) {
        Response g = as(op).contentType(ContentType.JSON).body(Map.of("tags", Map.of("name", "devices"),
                "configuration", configuration)).post("/v1/groups");
        g.then().statusCode(201);
        String groupId = g.path("groupId");
        as(op).contentType(ContentType.JSON).body(Map.of("groupId", groupId))
                .post("/v1/sims/" + simId + "/set_group").then().statusCode(200);
        return groupId;
    }

    /** An active, online SIM in a group with Harvest Data enabled. */
    private String harvestingSim(Operator op) {
        String sim = activeSim(op);
        groupWith(op, sim, Map.of("SoracomHarvest", Map.of("enabled", true)));
        online(sim, true);
        return sim;
    }

    private Response send(String simId, String contentType, String body) {
        return api().contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/_mock/sims/" + simId + "/unified");
    }

    private static void assertError(Response r, int status, String code) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.<String>path("code")).isEqualTo(code);
        assertThat(r.<String>path("message")).isNotBlank();
    }

    // --- tests ---

    @Test
    void harvestStoresWhatTheDeviceSendsAndTheDataListsShowItNewestFirstPaged() {
        Operator op = newOperator();
        String sim = harvestingSim(op);

        Response first = send(sim, "application/json", "{\"temp\":21.5}");
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        long t1 = T0.toEpochMilli();
        clock.advance(Duration.ofSeconds(1));
        send(sim, "application/json", "{\"temp\":22.0}").then().statusCode(201);
        clock.advance(Duration.ofSeconds(1));
        send(sim, "text/plain", "hello").then().statusCode(201);
        long t3 = t1 + 2000;

        Response all = as(op).get("/v1/data/Subscriber/" + sim);
        all.then().statusCode(200);
        assertThat(all.jsonPath().getList("time", Long.class)).containsExactly(t3, t1 + 1000, t1);
        assertThat(all.jsonPath().getList("content", String.class)).containsExactly("hello", "{\"temp\":22.0}",
                "{\"temp\":21.5}");
        // the content type as the device sent it (RestAssured adds a charset to text/plain)
        assertThat(all.jsonPath().getList("contentType", String.class)).satisfiesExactly(
                t -> assertThat(t).startsWith("text/plain"), t -> assertThat(t).isEqualTo("application/json"),
                t -> assertThat(t).isEqualTo("application/json"));
        assertThat(all.header("x-soracom-next-key")).isNull();

        // the SIM's and the subscriber's lists: the same entries
        Response bySim = as(op).get("/v1/sims/" + sim + "/data");
        bySim.then().statusCode(200);
        assertThat(bySim.jsonPath().getList("time", Long.class)).containsExactly(t3, t1 + 1000, t1);
        assertThat(as(op).get("/v1/subscribers/" + sim + "/data").jsonPath().getList("time", Long.class))
                .containsExactly(t3, t1 + 1000, t1);
        assertThat(as(op).get("/v1/data/Sim/" + sim).jsonPath().getList("time", Long.class)).hasSize(3);

        // paged with limit and x-soracom-next-key
        Response page1 = as(op).queryParam("limit", 2).get("/v1/sims/" + sim + "/data");
        assertThat(page1.jsonPath().getList("time", Long.class)).containsExactly(t3, t1 + 1000);
        String next = page1.header("x-soracom-next-key");
        assertThat(next).isEqualTo(String.valueOf(t1 + 1000));
        Response page2 = as(op).queryParam("limit", 2).queryParam("last_evaluated_key", next)
                .get("/v1/sims/" + sim + "/data");
        assertThat(page2.jsonPath().getList("time", Long.class)).containsExactly(t1);
        assertThat(page2.header("x-soracom-next-key")).isNull();
        Response dataPage = as(op).queryParam("limit", 1).queryParam("sort", "asc").get("/v1/data/Subscriber/" + sim);
        assertThat(dataPage.jsonPath().getList("time", Long.class)).containsExactly(t1);
        assertThat(dataPage.header("x-soracom-next-key")).isEqualTo(String.valueOf(t1));

        // from / to (ms, inclusive)
        assertThat(as(op).queryParam("from", t1 + 1000).queryParam("to", t3).get("/v1/subscribers/" + sim + "/data")
                .jsonPath().getList("time", Long.class)).containsExactly(t3, t1 + 1000);
        assertThat(as(op).queryParam("to", t1).get("/v1/data/Subscriber/" + sim).jsonPath().getList("time", Long.class))
                .containsExactly(t1);

        // one entry by time; deleted
        Response one = as(op).get("/v1/data/Subscriber/" + sim + "/" + t1);
        one.then().statusCode(200);
        assertThat(one.<String>path("content")).isEqualTo("{\"temp\":21.5}");
        as(op).delete("/v1/data/Subscriber/" + sim + "/" + t1).then().statusCode(204);
        assertError(as(op).get("/v1/data/Subscriber/" + sim + "/" + t1), 404, "MCK0204");
        assertThat(as(op).get("/v1/sims/" + sim + "/data").jsonPath().getList("time", Long.class))
                .containsExactly(t3, t1 + 1000);

        // the resource lists
        Response resources = as(op).get("/v1/data/resources");
        resources.then().statusCode(200);
        assertThat(resources.jsonPath().getList("resourceId", String.class)).containsExactly(sim);
        assertThat(resources.jsonPath().getList("lastModifiedTime", Long.class)).containsExactly(t3);
        as(op).queryParam("resource_type", "Subscriber").get("/v1/data/metadata/resources").then().statusCode(200);
    }

    @Test
    void binaryContentIsAnsweredAsBase64PayloadAndCategoriesGroupEntries() {
        Operator op = newOperator();
        String sim = activeSim(op);
        groupWith(op, sim, Map.of("SoracomHarvest", Map.of("enabled", true, "category", "sensors")));
        online(sim, true);
        byte[] bytes = {0x01, (byte) 0xff, 0x02};
        api().contentType("application/octet-stream").body(bytes).post("/_mock/sims/" + sim + "/unified")
                .then().statusCode(201);
        Response r = as(op).get("/v1/data/Subscriber/" + sim);
        assertThat(r.jsonPath().getString("[0].contentType")).isEqualTo("application/json");
        assertThat(r.jsonPath().getString("[0].content"))
                .isEqualTo("{\"payload\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"}");
        Response cat = as(op).get("/v1/data/categories/sensors");
        cat.then().statusCode(200);
        assertThat(cat.jsonPath().getList("resourceId", String.class)).containsExactly(sim);
        assertThat(cat.jsonPath().getString("[0].resourceType")).isEqualTo("Subscriber");
        assertThat(as(op).get("/v1/data/categories/other").jsonPath().getList("$")).isEmpty();
    }

    @Test
    void aDeviceWhoseSimIsUnknownInactiveOrOfflineCannotSendAndNothingIsStored() {
        Operator op = newOperator();
        assertError(send("999999999999999", "application/json", "{}"), 404, "SEM0002");

        String sim = harvestingSim(op);
        online(sim, false);
        assertError(send(sim, "application/json", "{\"temp\":1}"), 400, "MCK0212");
        online(sim, true);
        as(op).post("/v1/subscribers/" + sim + "/deactivate").then().statusCode(200);
        assertError(send(sim, "application/json", "{\"temp\":1}"), 400, "MCK0211");
        assertThat(as(op).get("/v1/data/Subscriber/" + sim).jsonPath().getList("$")).isEmpty();
    }

    @Test
    void withHarvestDisabledNothingIsStored() {
        Operator op = newOperator();
        String sim = activeSim(op);
        groupWith(op, sim, Map.of("SoracomHarvest", Map.of("enabled", false)));
        online(sim, true);
        assertError(send(sim, "application/json", "{\"temp\":21.5}"), 400, "MCK0213");
        String alone = activeSim(op);
        online(alone, true);
        assertError(send(alone, "application/json", "{\"temp\":21.5}"), 400, "MCK0213");
        assertThat(as(op).get("/v1/sims/" + sim + "/data").jsonPath().getList("$")).isEmpty();
        assertThat(as(op).get("/v1/data/resources").jsonPath().getList("$")).isEmpty();
    }

    @Test
    void funnelAndFunkDeliveriesAreRecordedAndTwoServicesAnswerInTheUnifiedForm() {
        Operator op = newOperator();
        String sim = activeSim(op);
        Map<String, Object> destination = Map.of("provider", "aws", "service", "kinesis",
                "resourceUrl", "https://kinesis.ap-northeast-1.amazonaws.com/stream");
        groupWith(op, sim, Map.of("SoracomFunnel", Map.of("enabled", true, "credentialsId", "aws-key",
                "destination", destination), "SoracomHarvest", Map.of("enabled", true)));
        online(sim, true);

        Response r = send(sim, "application/json", "{\"temp\":21.5}");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        assertThat(r.<String>path("result")).isEqualTo("ok");
        assertThat(r.<Integer>path("detail.harvest.statusCode")).isEqualTo(201);
        assertThat(r.<Integer>path("detail.funnel.statusCode")).isEqualTo(204);

        Response d = api().queryParam("sim_id", sim).get("/_mock/deliveries");
        d.then().statusCode(200);
        assertThat(d.jsonPath().getList("service", String.class)).containsExactly("funnel");
        assertThat(d.jsonPath().getString("[0].credentialsId")).isEqualTo("aws-key");
        assertThat(d.jsonPath().getString("[0].destination.service")).isEqualTo("kinesis");
        assertThat(d.jsonPath().getString("[0].body")).isEqualTo("{\"temp\":21.5}");
        assertThat(d.jsonPath().getString("[0].operatorId")).isEqualTo(op.operatorId());
        assertThat(d.jsonPath().getLong("[0].createdTime")).isEqualTo(T0.toEpochMilli());

        // Funk alone: its answer as is; its delivery recorded
        String funk = activeSim(op);
        groupWith(op, funk, Map.of("SoracomFunk", Map.of("enabled", true, "credentialsId",
                Map.of("$credentialsId", "fn"), "destination", Map.of("provider", "aws", "service", "lambda"))));
        online(funk, true);
        send(funk, "text/plain", "ping").then().statusCode(200);
        Response fd = api().queryParam("sim_id", funk).queryParam("service", "funk").get("/_mock/deliveries");
        assertThat(fd.jsonPath().getList("credentialsId", String.class)).containsExactly("fn");

        // the Funnel and Funk stats count them, and their exports list them
        long from = T0.getEpochSecond() - 3600;
        long to = T0.getEpochSecond() + 3600;
        Response funnelStats = as(op).queryParam("from", from).queryParam("to", to).queryParam("period", "minutes")
                .get("/v1/stats/funnel/subscribers/" + sim);
        assertThat(funnelStats.jsonPath().getLong("[0].funnelStatsMap.http.count")).as(funnelStats.asString()).isEqualTo(1);
        Response funkStats = as(op).queryParam("from", from).queryParam("to", to).queryParam("period", "minutes")
                .get("/v1/stats/funk/subscribers/" + funk);
        assertThat(funkStats.jsonPath().getLong("[0].funkStatsMap.http.count")).as(funkStats.asString()).isEqualTo(1);
        assertThat(as(op).queryParam("from", from).queryParam("to", to).queryParam("period", "minutes")
                .get("/v1/stats/funk/subscribers/" + sim).jsonPath().getList("$")).isEmpty();
        String url = as(op).contentType(ContentType.JSON).body(Map.of("from", from, "to", to, "period", "day"))
                .post("/v1/stats/funnel/operators/" + op.operatorId() + "/export").path("url");
        assertThat(api().get(url.substring(url.indexOf("/_mock/"))).asString()).contains(sim + ",http,1");

        api().post("/_mock/reset").then().statusCode(200);
        assertThat(api().get("/_mock/deliveries").jsonPath().getList("$")).isEmpty();
    }

    @Test
    void harvestStatsAndAirTrafficCountTheDevicesMessages() {
        Operator op = newOperator();
        String sim = harvestingSim(op);
        send(sim, "application/json", "{\"temp\":21.5}").then().statusCode(201);
        send(sim, "application/json", "{\"temp\":21.6}").then().statusCode(201);
        long from = T0.getEpochSecond() - 3600;
        long to = T0.getEpochSecond() + 3600;
        Response h = as(op).queryParam("from", from).queryParam("to", to).queryParam("period", "minutes")
                .get("/v1/stats/harvest/subscribers/" + sim);
        h.then().statusCode(200);
        assertThat(h.jsonPath().getLong("[0].harvestStatsMap.http.count")).isEqualTo(2);
        Response air = as(op).queryParam("from", from).queryParam("to", to).queryParam("period", "minutes")
                .get("/v1/stats/air/subscribers/" + sim);
        air.then().statusCode(200);
        assertThat(air.jsonPath().getLong("[0].dataTrafficStatsMap['s1.standard'].uploadByteSizeTotal"))
                .as(air.asString()).isEqualTo(2L * "{\"temp\":21.5}".length());
    }

    @Test
    void anotherOperatorSeesNoneOfTheData() {
        Operator a = newOperator();
        Operator b = newOperator();
        String sim = harvestingSim(a);
        send(sim, "application/json", "{\"temp\":21.5}").then().statusCode(201);
        long t = T0.toEpochMilli();
        assertThat(as(b).get("/v1/data/Subscriber/" + sim).jsonPath().getList("$")).isEmpty();
        assertThat(as(b).get("/v1/data/Sim/" + sim).jsonPath().getList("$")).isEmpty();
        assertThat(as(b).get("/v1/data/resources").jsonPath().getList("$")).isEmpty();
        assertError(as(b).get("/v1/data/Subscriber/" + sim + "/" + t), 404, "MCK0204");
        assertError(as(b).get("/v1/sims/" + sim + "/data"), 404, "SEM0002");
        assertError(as(b).get("/v1/subscribers/" + sim + "/data"), 404, "SEM0001");
        as(b).delete("/v1/data/Subscriber/" + sim + "/" + t).then().statusCode(204);
        assertThat(as(a).get("/v1/data/Subscriber/" + sim).jsonPath().getList("time", Long.class)).containsExactly(t);
    }

    @Test
    void stateExportAndImportKeepEntriesAndCredentials() {
        Operator op = newOperator();
        String sim = harvestingSim(op);
        api().contentType("application/octet-stream").body(new byte[] {0, 1, 2, (byte) 0xfe})
                .post("/_mock/sims/" + sim + "/unified").then().statusCode(201);
        clock.advance(Duration.ofSeconds(1));
        send(sim, "application/json", "{\"temp\":21.5}").then().statusCode(201);
        as(op).contentType(ContentType.JSON).body(Map.of("type", "psk", "credentials", Map.of("key", "s3cret")))
                .post("/v1/credentials/my-psk").then().statusCode(201);
        String entries = as(op).get("/v1/data/Subscriber/" + sim).asString();
        String credentials = as(op).get("/v1/credentials").asString();

        Response exported = api().get("/_mock/state");
        exported.then().statusCode(200);
        assertThat(exported.jsonPath().getList("tables.harvest_data_entry.content", String.class))
                .as("binary content as base64").contains(Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 0xfe}));
        assertThat(exported.jsonPath().getList("tables.credential.credentials_id", String.class)).contains("my-psk");
        String document = exported.asString();

        api().post("/_mock/reset").then().statusCode(200);
        api().contentType(ContentType.JSON).body(document).post("/_mock/state").then().statusCode(200);
        assertThat(as(op).get("/v1/data/Subscriber/" + sim).asString()).isEqualTo(entries);
        assertThat(as(op).get("/v1/credentials").asString()).isEqualTo(credentials);
    }

    @Test
    void aForkHasItsOwnCopyOfTheEntriesUnderItsOwnSim() {
        Operator source = newOperator();
        String sim = harvestingSim(source);
        send(sim, "application/json", "{\"temp\":21.5}").then().statusCode(201);
        as(source).contentType(ContentType.JSON).body(Map.of("type", "psk", "credentials", Map.of("key", "k")))
                .post("/v1/credentials/psk-1").then().statusCode(201);

        Response r = api().contentType(ContentType.JSON).body(Map.of("count", 1))
                .post("/_mock/operators/" + source.operatorId() + "/fork");
        r.then().statusCode(201);
        Map<String, String> f = r.jsonPath().getMap("[0]");
        Operator fork = new Operator(f.get("operatorId"), f.get("apiKey"), f.get("token"), f.get("email"), f.get("password"));
        String forkSim = as(fork).get("/v1/sims").jsonPath().getString("[0].simId");
        assertThat(forkSim).isNotEqualTo(sim);

        Response resources = as(fork).get("/v1/data/resources");
        assertThat(resources.jsonPath().getList("resourceId", String.class)).as(resources.asString())
                .containsExactly(forkSim);
        assertThat(as(fork).get("/v1/sims/" + forkSim + "/data").jsonPath().getList("content", String.class))
                .containsExactly("{\"temp\":21.5}");
        assertThat(as(fork).get("/v1/credentials").jsonPath().getList("credentialsId", String.class))
                .containsExactly("psk-1");
        // the fork's entries are its own: deleting them leaves the source's
        long t = T0.toEpochMilli();
        as(fork).delete("/v1/data/Subscriber/" + forkSim + "/" + t).then().statusCode(204);
        assertThat(as(source).get("/v1/data/Subscriber/" + sim).jsonPath().getList("time", Long.class)).containsExactly(t);
    }
}
