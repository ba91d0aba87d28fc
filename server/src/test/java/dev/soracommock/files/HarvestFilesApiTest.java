package dev.soracommock.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Harvest Files over HTTP: the FileEntry and Files tags, and a device's uploads through the control API. */
class HarvestFilesApiTest extends ApiTest {

    /**
     * The root of a scope, as the contract's default path "/" (RestAssured would merge soracom-cli's {@code //}, which
     * ClientRequestCorpusTest sends byte for byte).
     */
    private static final String ROOT = "/v1/files/private/%2F/";
    private static final String PUBLIC_ROOT = "/v1/files/public/%2F/";

    @Override
    protected io.restassured.specification.RequestSpecification as(Operator op) {
        return super.as(op).urlEncodingEnabled(false);
    }

    private Response put(Operator op, String path, String contentType, byte[] body) {
        return as(op).contentType(contentType).body(body).put("/v1/files/private/" + path);
    }

    private Response put(Operator op, String path, String text) {
        return put(op, path, "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> names(Response r) {
        return r.jsonPath().getList("filename", String.class);
    }

    private static void assertError(Response r, int status, String code) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        if (code != null) { // HEAD answers have no body
            assertThat(r.<String>path("code")).isEqualTo(code);
        }
    }

    @Test
    void aFileIsPutReadByRedirectDescribedByHeadListedFoundAndDeleted() throws Exception {
        Operator op = newOperator();
        assertThat(put(op, "logs/2026/a.txt", "first").statusCode()).isEqualTo(201);
        assertThat(put(op, "logs/2026/a.txt", "second!").statusCode()).isEqualTo(200);
        assertThat(put(op, "logs/b.json", "application/json", "{\"x\":1}".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(201);

        Response head = as(op).head("/v1/files/private/logs/2026/a.txt");
        head.then().statusCode(200);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest("second!".getBytes(StandardCharsets.UTF_8)));
        assertThat(head.header("Content-Length")).isEqualTo("7");
        assertThat(head.header("Content-Type")).startsWith("text/plain");
        assertThat(head.header("ETag")).isEqualTo("\"" + md5 + "\"");

        Response get = as(op).redirects().follow(false).get("/v1/files/private/logs/2026/a.txt");
        assertThat(get.statusCode()).isEqualTo(302);
        String location = get.header("Location");
        Response download = api().get(location.substring(location.indexOf("/_mock/")));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.asString()).isEqualTo("second!");
        assertThat(download.contentType()).startsWith("text/plain");
        Response json = api().get(as(op).redirects().follow(false).get("/v1/files/private/logs/b.json")
                .header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(json.contentType()).startsWith("application/json");

        // the root (as soracom-cli lists it, with //), a directory, its subdirectory
        Response root = as(op).get(ROOT);
        root.then().statusCode(200);
        assertThat(names(root)).containsExactly("logs/");
        assertThat(root.<Boolean>path("[0].isDirectory")).isTrue();
        assertThat(root.<String>path("[0].filePath")).isEqualTo("/logs/");
        Response logs = as(op).get("/v1/files/private/logs/");
        assertThat(names(logs)).containsExactly("2026/", "b.json");
        assertThat(logs.<String>path("[1].filePath")).isEqualTo("/logs/b.json");
        assertThat(logs.<String>path("[1].contentType")).isEqualTo("application/json");
        assertThat(logs.<Integer>path("[1].contentLength")).isEqualTo(7);
        Response year = as(op).get("/v1/files/private/logs/2026/");
        assertThat(year.<String>path("[0].etag")).isEqualTo(md5);

        // findFiles: files whose path starts with the prefix, in byte order
        Response found = as(op).queryParam("scope", "private").queryParam("prefix", "/logs/").get("/v1/files");
        assertThat(found.jsonPath().getList("filePath", String.class)).containsExactly("/logs/2026/a.txt", "/logs/b.json");
        assertThat(as(op).queryParam("scope", "private").queryParam("prefix", "/nothing").get("/v1/files")
                .jsonPath().getList("$")).isEmpty();

        // a directory with files in it is not deleted; emptied, it is; a deleted file is gone
        assertError(as(op).delete("/v1/files/private/logs/2026/"), 400, "MCK0302");
        as(op).delete("/v1/files/private/logs/2026/a.txt").then().statusCode(204);
        assertError(as(op).delete("/v1/files/private/logs/2026/a.txt"), 404, "MCK0301");
        assertError(as(op).head("/v1/files/private/logs/2026/a.txt"), 404, null);
        assertThat(as(op).get("/v1/files/private/logs/2026/").jsonPath().getList("$")).isEmpty();
        as(op).delete("/v1/files/private/logs/2026/").then().statusCode(204);
        assertError(as(op).get("/v1/files/private/logs/2026/"), 404, "MCK0301");
        assertThat(names(as(op).get("/v1/files/private/logs/"))).containsExactly("b.json");
    }

    @Test
    void listsAndSearchesArePagedByTheLastKey() {
        Operator op = newOperator();
        for (String name : List.of("c.txt", "a.txt", "b.txt")) {
            put(op, "paged/" + name, name).then().statusCode(201);
        }
        Response first = as(op).queryParam("limit", 2).get("/v1/files/private/paged/");
        assertThat(names(first)).containsExactly("a.txt", "b.txt");
        assertThat(first.header("x-soracom-next-key")).isEqualTo("b.txt");
        Response second = as(op).queryParam("limit", 2).queryParam("last_evaluated_key", "b.txt")
                .get("/v1/files/private/paged/");
        assertThat(names(second)).containsExactly("c.txt");
        assertThat(second.header("x-soracom-next-key")).isNull();

        Response found = as(op).queryParam("scope", "private").queryParam("prefix", "paged/").queryParam("limit", 2)
                .get("/v1/files");
        assertThat(found.header("x-soracom-next-key")).isEqualTo("/paged/b.txt");
        Response rest = as(op).queryParam("scope", "private").queryParam("prefix", "paged/").queryParam("limit", 2)
                .queryParam("last_evaluated_key", "/paged/b.txt").get("/v1/files");
        assertThat(rest.jsonPath().getList("filePath", String.class)).containsExactly("/paged/c.txt");
    }

    @Test
    void badPathsTooLargeFilesAndThePublicScopeAreRefusedWithoutChangingAnything() throws Exception {
        Operator op = newOperator();
        assertError(put(op, "a/../b.txt", "x"), 400, "MCK0303");
        assertError(put(op, "x".repeat(1100) + "/b.txt", "x"), 400, "MCK0303");
        assertError(put(op, String.join("/", java.util.Collections.nCopies(18, "d")) + "/f.txt", "x"), 400, "MCK0303");
        assertThat(tooLarge(op, "big.bin", 10 * 1024 * 1024 + 1)).startsWith("HTTP/1.1 413").contains("COM0005");
        assertThat(as(op).get(ROOT).jsonPath().getList("$")).isEmpty();

        // public: readable, never writable
        Response toPublic = as(op).contentType("text/plain").body("x").put("/v1/files/public/x.txt");
        assertThat(toPublic.statusCode()).isEqualTo(400);
        put(op, "mine.txt", "x").then().statusCode(201);
        assertError(as(op).redirects().follow(false).get("/v1/files/public/mine.txt"), 404, "MCK0301");
        assertThat(as(op).get(PUBLIC_ROOT).jsonPath().getList("$")).isEmpty();
        assertThat(as(op).queryParam("scope", "public").queryParam("prefix", "/").get("/v1/files").jsonPath()
                .getList("$")).isEmpty();
    }

    /** A PUT that announces a body over the server's limit and sends none: the server answers before reading. */
    private String tooLarge(Operator op, String path, long length) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            String head = "PUT /v1/files/private/" + path + " HTTP/1.1\r\nHost: localhost\r\nX-Soracom-API-Key: "
                    + op.apiKey() + "\r\nX-Soracom-Token: " + op.token() + "\r\nContent-Type: application/octet-stream"
                    + "\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // the server answers at once and then waits for the announced body: read the answer, not to the end
            java.io.InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            int n;
            while (!answer.toString().contains("}") && (n = in.read(buffer)) > 0) {
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            return answer.toString();
        }
    }

    @Test
    void anotherOperatorSeesNothingOfTheFiles() {
        Operator a = newOperator();
        Operator b = newOperator();
        put(a, "secret/a.txt", "A's").then().statusCode(201);
        assertThat(as(b).get(ROOT).jsonPath().getList("$")).isEmpty();
        assertError(as(b).get("/v1/files/private/secret/"), 404, "MCK0301");
        assertError(as(b).head("/v1/files/private/secret/a.txt"), 404, null);
        assertError(as(b).delete("/v1/files/private/secret/a.txt"), 404, "MCK0301");
        assertThat(as(b).queryParam("scope", "private").queryParam("prefix", "/").get("/v1/files").jsonPath()
                .getList("$")).isEmpty();
        assertThat(names(as(a).get("/v1/files/private/secret/"))).containsExactly("a.txt");
    }

    @Test
    void anAsyncExportIsDownloadableThroughItsExportedFileId() {
        Operator op = newOperator();
        Response async = as(op).queryParam("export_mode", "async").post("/v1/bills/latest/export");
        async.then().statusCode(200);
        String id = async.path("exportedFileId");
        Response exported = as(op).get("/v1/files/exported/" + id);
        exported.then().statusCode(200);
        assertThat(exported.<String>path("status")).isEqualTo("exported");
        String url = exported.path("url");
        Response csv = api().get(url.substring(url.indexOf("/_mock/")));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertError(as(newOperator()).get("/v1/files/exported/" + id), 404, "STS0002");
    }

    // --- the device side ---

    private record DeviceSim(String simId, String imsi) {
    }

    /** A sandbox SIM of {@code op}, registered, active, online, in a group with Harvest Files as asked. */
    private DeviceSim deviceSim(Operator op, boolean harvestFiles) {
        Response sim = as(op).contentType(ContentType.JSON).body(Map.of()).post("/v1/sandbox/subscribers/create");
        String imsi = sim.path("imsi");
        as(op).contentType(ContentType.JSON).body(Map.of("registrationSecret", sim.path("registrationSecret")))
                .post("/v1/subscribers/" + imsi + "/register").then().statusCode(200);
        as(op).post("/v1/subscribers/" + imsi + "/activate").then().statusCode(200);
        String group = as(op).contentType(ContentType.JSON).body(Map.of("tags", Map.of("name", "files")))
                .post("/v1/groups").path("groupId");
        as(op).contentType(ContentType.JSON).body(List.of(Map.of("key", "enabled", "value", harvestFiles)))
                .put("/v1/groups/" + group + "/configuration/SoracomHarvestFiles").then().statusCode(200);
        as(op).contentType(ContentType.JSON).body(Map.of("groupId", group))
                .post("/v1/subscribers/" + imsi + "/set_group").then().statusCode(200);
        String simId = as(op).get("/v1/subscribers/" + imsi).path("simId");
        api().contentType(ContentType.JSON).body(Map.of("online", true)).post("/_mock/sims/" + simId + "/session")
                .then().statusCode(200);
        return new DeviceSim(simId, imsi);
    }

    @Test
    void aDeviceUploadIsReadThroughTheApi() {
        Operator op = newOperator();
        DeviceSim sim = deviceSim(op, true);
        String simId = sim.simId();
        Response up = api().contentType("text/csv").body("t,21.5\n")
                .put("/_mock/sims/" + simId + "/harvest-files/device/readings.csv");
        assertThat(up.statusCode()).as(up.asString()).isEqualTo(201);
        Response head = as(op).head("/v1/files/private/device/readings.csv");
        head.then().statusCode(200);
        assertThat(head.header("Content-Type")).startsWith("text/csv");
        assertThat(head.header("Content-Length")).isEqualTo("7");
        assertThat(api().contentType("text/csv").body("t,22\n").put("/_mock/sims/" + simId
                + "/harvest-files/device/readings.csv").statusCode()).isEqualTo(200);

        // :imsi in the path is the SIM's IMSI
        api().contentType("application/octet-stream").body(new byte[] {1, 2, 3})
                .put("/_mock/sims/" + simId + "/harvest-files/by-imsi/:imsi.bin").then().statusCode(201);
        assertThat(names(as(op).get("/v1/files/private/by-imsi/"))).containsExactly(sim.imsi() + ".bin");
    }

    @Test
    void aDeviceUploadNeedsHarvestFilesAnOnlineSimAndAKnownSim() {
        Operator op = newOperator();
        String disabled = deviceSim(op, false).simId();
        assertError(api().contentType("text/plain").body("x").put("/_mock/sims/" + disabled + "/harvest-files/a.txt"),
                403, "MCK0401");
        String enabled = deviceSim(op, true).simId();
        api().contentType(ContentType.JSON).body(Map.of("online", false)).post("/_mock/sims/" + enabled + "/session")
                .then().statusCode(200);
        assertError(api().contentType("text/plain").body("x").put("/_mock/sims/" + enabled + "/harvest-files/a.txt"),
                400, "MCK0403");
        assertError(api().contentType("text/plain").body("x").put("/_mock/sims/8942000000000000000/harvest-files/a.txt"),
                404, "SEM0002");
        assertThat(as(op).get(ROOT).jsonPath().getList("$")).isEmpty();
    }
}
