package dev.soracommock.soralet;

import static dev.soracommock.support.SoracomError.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Soralet tag through HTTP: soracom-cli's sequence, each Orbit host function with a module of its own (the .wat
 * sources beside the .wasm in src/test/resources/soralet/), WASI-shaped modules, and the limits.
 */
// runs modules with up to 16 MB of linear memory each (Orbit's limit), two at once: beside the whole suite's state in
// the 128 MB heap that does not fit, so this class runs in the JVM of its own (pom.xml, surefire)
@Tag("own-jvm")
class SoraletApiTest extends ApiTest {

    // --- helpers ---

    static byte[] module(String name) {
        try (InputStream in = SoraletApiTest.class.getResourceAsStream("/soralet/" + name + ".wasm")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response create(Operator op, String soraletId) {
        return as(op).contentType(ContentType.JSON).body(Map.of("soraletId", soraletId, "description", "test"))
                .post("/v1/soralets");
    }

    /** What soracom-cli sends: the raw module, {@code Content-Type: application/octet-stream}. */
    private Response upload(Operator op, String soraletId, byte[] code) {
        return as(op).contentType("application/octet-stream").body(code).post("/v1/soralets/" + soraletId + "/versions");
    }

    /** A new soralet with one version, the named module. */
    private String soraletWith(Operator op, String moduleName) {
        String id = "s-" + moduleName + "-" + Long.toHexString(System.nanoTime());
        create(op, id).then().statusCode(201);
        upload(op, id, module(moduleName)).then().statusCode(201);
        return id;
    }

    private Response test(Operator op, String soraletId, Map<String, ?> body) {
        return as(op).contentType(ContentType.JSON).body(body).post("/v1/soralets/" + soraletId + "/test");
    }

    private static Map<String, Object> run(String payload, String contentType, String resourceId) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", "$LATEST");
        body.put("direction", "uplink");
        body.put("contentType", contentType);
        body.put("payload", payload);
        body.put("source", Map.of("resourceType", "Subscriber", "resourceId", resourceId));
        return body;
    }

    /** A registered sandbox SIM of {@code op}; its IMSI. */
    private String sim(Operator op, Map<String, String> tags) {
        Response r = as(op).contentType(ContentType.JSON).body(Map.of()).post("/v1/sandbox/subscribers/create");
        r.then().statusCode(200);
        String imsi = r.path("imsi");
        String secret = r.path("registrationSecret");
        as(op).contentType(ContentType.JSON).body(Map.of("registrationSecret", secret, "tags", tags))
                .post("/v1/subscribers/" + imsi + "/register").then().statusCode(200);
        return imsi;
    }

    // --- soracom-cli's sequence ---

    @Test
    void soracomClisSequenceCreatesUploadsRunsListsAndDeletes() {
        Operator op = newOperator();
        String imsi = "001019999999999";

        create(op, "gps-unit").then().statusCode(201);
        Response v1 = upload(op, "gps-unit", module("echo"));
        v1.then().statusCode(201);
        assertThat(v1.<Integer>path("version")).isEqualTo(1);
        assertThat(v1.<String>path("srn")).isEqualTo("srn:soracom:" + op.operatorId() + ":jp:Soralet:gps-unit/1");
        assertThat(v1.<Integer>path("size")).isEqualTo(module("echo").length);
        assertThat(v1.<String>path("hash")).matches("[0-9a-f]{64}");
        assertThat(upload(op, "gps-unit", module("echo")).<Integer>path("version")).isEqualTo(2);

        Map<String, Object> body = run("{ \"temp\" : 21.5 }", "application/json", imsi);
        body.put("version", "1");
        body.put("encodingType", "plain");
        body.put("tags", Map.of());
        Response r = test(op, "gps-unit", body);
        r.then().statusCode(200);
        assertThat(r.<String>path("body")).isEqualTo("{\"temp\":21.5}");
        assertThat(r.<String>path("contentType")).isEqualTo("application/json");
        assertThat(r.<String>path("encodingType")).isEqualTo("plain");
        assertThat(r.<Integer>path("resultCode")).isZero();

        Response versions = as(op).get("/v1/soralets/gps-unit/versions");
        versions.then().statusCode(200);
        assertThat(versions.jsonPath().getList("version", Integer.class)).containsExactly(2, 1);

        as(op).delete("/v1/soralets/gps-unit/versions/1").then().statusCode(204);
        assertError(as(op).delete("/v1/soralets/gps-unit/versions/1"), 404, "SLM1005");
        assertThat(as(op).get("/v1/soralets/gps-unit/versions").jsonPath().getList("version", Integer.class))
                .containsExactly(2);
        assertError(test(op, "gps-unit", body), 404, "SLM1005");

        Response logs = as(op).get("/v1/soralets/gps-unit/logs");
        logs.then().statusCode(200);
        assertThat(logs.jsonPath().getList("message", String.class)).containsExactly("hello, orbit!");
        assertThat(logs.jsonPath().getList("version", Integer.class)).containsExactly(1);

        Response got = as(op).get("/v1/soralets/gps-unit");
        got.then().statusCode(200);
        assertThat(got.<String>path("soraletId")).isEqualTo("gps-unit");
        assertThat(got.<String>path("operatorId")).isEqualTo(op.operatorId());
        assertThat(got.<String>path("description")).isEqualTo("test");

        as(op).delete("/v1/soralets/gps-unit").then().statusCode(204);
        assertError(as(op).get("/v1/soralets/gps-unit"), 404, "SLM1001");
        assertError(as(op).get("/v1/soralets/gps-unit/logs"), 404, "SLM1001");
    }

    @Test
    void versionNumbersAreNotReusedAfterTheNewestIsDeleted() {
        Operator op = newOperator();
        String id = soraletWith(op, "echo");
        as(op).delete("/v1/soralets/" + id + "/versions/1").then().statusCode(204);
        assertThat(upload(op, id, module("echo")).<Integer>path("version")).isEqualTo(2);
    }

    @Test
    void listsPageWithTheNextKey() {
        Operator op = newOperator();
        for (String id : List.of("a-1", "a-2", "a-3")) {
            create(op, id).then().statusCode(201);
        }
        Response first = as(op).queryParam("limit", 2).get("/v1/soralets");
        assertThat(first.jsonPath().getList("soraletId", String.class)).containsExactly("a-1", "a-2");
        assertThat(first.header("x-soracom-next-key")).isEqualTo("a-2");
        Response second = as(op).queryParam("limit", 2).queryParam("last_evaluated_key", "a-2").get("/v1/soralets");
        assertThat(second.jsonPath().getList("soraletId", String.class)).containsExactly("a-3");
        assertThat(second.header("x-soracom-next-key")).isNull();
        assertThat(as(op).queryParam("sort", "desc").get("/v1/soralets").jsonPath().getList("soraletId", String.class))
                .containsExactly("a-3", "a-2", "a-1");

        for (int i = 0; i < 3; i++) {
            upload(op, "a-1", module("echo")).then().statusCode(201);
        }
        Response v = as(op).queryParam("limit", 2).get("/v1/soralets/a-1/versions");
        assertThat(v.jsonPath().getList("version", Integer.class)).containsExactly(3, 2);
        assertThat(as(op).queryParam("limit", 2).queryParam("last_evaluated_key", v.header("x-soracom-next-key"))
                .get("/v1/soralets/a-1/versions").jsonPath().getList("version", Integer.class)).containsExactly(1);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        Operator op = newOperator();
        assertError(create(op, "bad id!"), 400, "SLM1003");
        create(op, "dup").then().statusCode(201);
        assertError(create(op, "dup"), 400, "SLM1002");
        assertError(upload(op, "dup", "not wasm".getBytes()), 400, "SLM1007");
        assertError(upload(op, "dup", new byte[4_194_305]), 413, "SLM1006");
        assertError(upload(op, "nope", module("echo")), 404, "SLM1001");
        assertThat(as(op).get("/v1/soralets/dup/versions").jsonPath().getList("$")).isEmpty();
        for (int i = 0; i < 10; i++) {
            upload(op, "dup", module("echo")).then().statusCode(201);
        }
        assertError(upload(op, "dup", module("echo")), 400, "SLM1010");
        Map<String, Object> body = run("{}", "application/json", "x");
        body.put("version", "one");
        assertError(test(op, "dup", body), 400, "COM0008");
        Map<String, Object> binary = run("%%% not base64", "application/octet-stream", "x");
        assertError(test(op, "dup", binary), 400, "COM0008");
    }

    // --- host functions ---

    @Test
    void sourceValuesAreTheSendersAndItsSims() {
        Operator op = newOperator();
        String imsi = sim(op, Map.of());
        String id = soraletWith(op, "source");
        assertThat(test(op, id, run("resourceId", "text/plain", imsi)).<String>path("body")).isEqualTo(imsi);
        assertThat(test(op, id, run("resourceType", "text/plain", imsi)).<String>path("body")).isEqualTo("Subscriber");
        assertThat(test(op, id, run("imsi", "text/plain", imsi)).<String>path("body")).isEqualTo(imsi);
        assertThat(test(op, id, run("operatorId", "text/plain", imsi)).<String>path("body")).isEqualTo(op.operatorId());
        assertThat(test(op, id, run("nothing-such", "text/plain", imsi)).<String>path("body")).isEmpty();
    }

    @Test
    void tagsAreReadFromTheSimAndTheModulesChangesAreVisibleOnTheSubscriber() {
        Operator op = newOperator();
        String imsi = sim(op, Map.of("name", "sensor-7", "obsolete", "x"));
        String id = soraletWith(op, "tags");

        Response r = test(op, id, run("{}", "application/json", imsi));
        r.then().statusCode(200);
        assertThat(r.<String>path("body")).isEqualTo("sensor-7");
        assertThat(r.<String>path("contentType")).isEqualTo("text/plain");

        Response sub = as(op).get("/v1/subscribers/" + imsi);
        Map<String, String> tags = sub.jsonPath().getMap("tags", String.class, String.class);
        assertThat(tags).containsEntry("orbit", "touched").containsEntry("name", "sensor-7").doesNotContainKey("obsolete");

        Map<String, Object> withTags = run("{}", "application/json", imsi);
        withTags.put("tags", Map.of("name", "from-request"));
        assertThat(test(op, id, withTags).<String>path("body")).isEqualTo("from-request");
    }

    @Test
    void locationIsWhatTheRequestGives() {
        Operator op = newOperator();
        String id = soraletWith(op, "location");
        assertThat(test(op, id, run("{}", "application/json", "x")).<Integer>path("resultCode")).isEqualTo(-5);
        Map<String, Object> body = run("{}", "application/json", "x");
        body.put("location", Map.of("lat", 35.681, "lon", 139.767));
        assertThat(test(op, id, body).<Integer>path("resultCode")).isEqualTo(35681);
        body.put("direction", "downlink");
        assertThat(test(op, id, body).<Integer>path("resultCode")).isEqualTo(139767);
    }

    @Test
    void timestampIsTheRequestsAndBinaryOutputIsAnsweredInBase64() {
        Operator op = newOperator();
        String id = soraletWith(op, "timestamp");
        Map<String, Object> body = run("{}", "application/json", "x");
        body.put("timestamp", 1_700_000_000_123L);
        Response r = test(op, id, body);
        r.then().statusCode(200);
        assertThat(r.<String>path("encodingType")).isEqualTo("base64");
        assertThat(r.<String>path("contentType")).isEqualTo("application/octet-stream");
        assertThat(r.<Integer>path("resultCode")).isEqualTo(7);
        long ts = ByteBuffer.wrap(Base64.getDecoder().decode(r.<String>path("body"))).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(ts).isEqualTo(1_700_000_000_123L);
    }

    @Test
    void userdataAndTheOriginalRequestReachTheModuleAndANegativeResultCodeIsAnswered() {
        Operator op = newOperator();
        String id = soraletWith(op, "userdata");
        Map<String, Object> body = run("AQID", "application/octet-stream", "x");
        body.put("userdata", "{\"k\":1}");
        Response r = test(op, id, body);
        r.then().statusCode(200);
        byte[] expected = new byte[] {'{', '"', 'k', '"', ':', '1', '}', '|', 1, 2, 3};
        assertThat(r.<String>path("body").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo(expected);
        assertThat(r.<Integer>path("resultCode")).isEqualTo(-2);
    }

    @Test
    void aWasiShapedModuleRunsAndItsStdoutIsLogged() {
        Operator op = newOperator();
        String id = soraletWith(op, "wasi");
        Response r = test(op, id, run("{}", "application/json", "x"));
        r.then().statusCode(200);
        assertThat(r.<String>path("body")).isEqualTo("{\"wasi\":true}");
        assertThat(as(op).get("/v1/soralets/" + id + "/logs").jsonPath().getList("message", String.class))
                .containsExactly("started\nuplink ran");
    }

    // --- limits ---

    @Test
    void aTrapIsReportedAndLogged() {
        Operator op = newOperator();
        String id = soraletWith(op, "trap");
        String message = assertError(test(op, id, run("{}", "application/json", "x")), 400, "SLM1020");
        assertThat(message).contains("trap");
        List<String> logs = as(op).get("/v1/soralets/" + id + "/logs").jsonPath().getList("message", String.class);
        assertThat(logs).hasSize(1);
        assertThat(logs.get(0)).startsWith("about to trap\nerror: trap");
    }

    @Test
    void anEndlessLoopIsStoppedAtTheTimeLimitAndTheServerStillRunsSoralets() {
        Operator op = newOperator();
        String loop = soraletWith(op, "loop");
        for (int i = 0; i < 3; i++) {   // more than the pool's threads: each stopped run gives its thread back
            String message = assertError(test(op, loop, run("{}", "application/json", "x")), 400, "SLM1020");
            assertThat(message).contains("longer than");
        }
        String echo = soraletWith(op, "echo");
        test(op, echo, run("{}", "application/json", "x")).then().statusCode(200);
    }

    @Test
    void memoryGrowthStopsAtTheLimitAndAModuleDeclaringMoreIsRefused() {
        Operator op = newOperator();
        assertError(test(op, soraletWith(op, "grow"), run("{}", "application/json", "x")), 400, "SLM1020");
        String message = assertError(test(op, soraletWith(op, "bigmem"), run("{}", "application/json", "x")), 400,
                "SLM1020");
        assertThat(message).contains("512 pages").contains("256 pages");
    }

    @Test
    void aMissingExportIsReported() {
        Operator op = newOperator();
        String id = soraletWith(op, "echo");
        Map<String, Object> body = run("{}", "application/json", "x");
        body.put("direction", "downlink");
        assertThat(assertError(test(op, id, body), 400, "SLM1020")).contains("downlink");
    }

    // --- isolation ---

    @Test
    void anotherOperatorCannotSeeOrRunYourSoralet() {
        Operator a = newOperator();
        Operator b = newOperator();
        String id = soraletWith(a, "echo");
        assertError(as(b).get("/v1/soralets/" + id), 404, "SLM1001");
        assertError(test(b, id, run("{}", "application/json", "x")), 404, "SLM1001");
        assertError(upload(b, id, module("echo")), 404, "SLM1001");
        assertError(as(b).get("/v1/soralets/" + id + "/versions"), 404, "SLM1001");
        assertError(as(b).get("/v1/soralets/" + id + "/logs"), 404, "SLM1001");
        assertError(as(b).delete("/v1/soralets/" + id + "/versions/1"), 404, "SLM1001");
        assertError(as(b).delete("/v1/soralets/" + id), 404, "SLM1001");
        assertThat(as(b).get("/v1/soralets").jsonPath().getList("$")).isEmpty();
        create(b, id).then().statusCode(201);   // the same ID is free for another operator
        as(a).get("/v1/soralets/" + id + "/versions").then().statusCode(200);
    }

    // --- state ---

    @Test
    void theStateExportCarriesTheModuleAForkRunsItAndAResetRemovesIt() {
        Operator op = newOperator();
        String id = soraletWith(op, "echo");

        Response state = api().get("/_mock/state");
        state.then().statusCode(200);
        List<Map<String, Object>> versions = state.jsonPath().getList("tables.soralet_version");
        assertThat(versions).anySatisfy(row -> {
            assertThat(row.values()).contains(id);
            assertThat(row.values()).contains(Base64.getEncoder().encodeToString(module("echo")));
        });

        Response forked = api().contentType(ContentType.JSON).body(Map.of("count", 1))
                .post("/_mock/operators/" + op.operatorId() + "/fork");
        forked.then().statusCode(201);
        Map<String, String> f = forked.jsonPath().getMap("[0]", String.class, String.class);
        Operator fork = new Operator(f.get("operatorId"), f.get("apiKey"), f.get("token"), f.get("email"), f.get("password"));
        Response r = test(fork, id, run("{\"forked\":true}", "application/json", "x"));
        r.then().statusCode(200);
        assertThat(r.<String>path("body")).isEqualTo("{\"forked\":true}");
        assertThat(as(fork).get("/v1/soralets/" + id + "/versions").<String>path("[0].srn")).contains(fork.operatorId());

        api().post("/_mock/operators/" + op.operatorId() + "/reset").then().statusCode(200);
        assertError(as(op).get("/v1/soralets/" + id), 404, "SLM1001");
        as(fork).get("/v1/soralets/" + id).then().statusCode(200);
    }
}
