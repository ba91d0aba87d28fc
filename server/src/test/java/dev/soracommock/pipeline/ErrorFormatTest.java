package dev.soracommock.pipeline;

import static dev.soracommock.support.SoracomError.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every error leaves in Soracom's form, {@code {"code","message"}} as JSON, in the caller's language; never 5xx. */
class ErrorFormatTest extends ApiTest {

    private static final String JAPANESE = ".*[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}].*";

    // --- unknown paths and methods ---

    @Test
    void anUnknownPathUnderV1Is404() {
        Response r = api().get("/v1/nothing");

        assertError(r, 404, "COM0002");
        assertThat(r.contentType()).startsWith("application/json");
    }

    @Test
    void anUnknownPathOutsideV1Is404InTheSameForm() {
        assertError(api().get("/nothing/at/all"), 404, "COM0002");
        assertError(api().post("/nothing"), 404, "COM0002");
    }

    @Test
    void anUnknownPathBelowAKnownOneIs404() {
        Operator op = newOperator();

        assertError(as(op).get("/v1/operators/" + op.operatorId() + "/nothing"), 404, "COM0002");
    }

    @Test
    void aWrongMethodIs405WithAnAllowHeader() {
        Response r = api().delete("/v1/auth");

        assertError(r, 405, "COM0004");
        assertThat(r.header("Allow")).isNotNull().contains("POST").doesNotContain("DELETE");
    }

    @Test
    void aTrailingSlashIsADifferentPath() {
        Operator op = newOperator();
        as(op).get("/v1/operators/" + op.operatorId()).then().statusCode(200);

        assertError(as(op).get("/v1/operators/" + op.operatorId() + "/"), 404, "COM0002");
    }

    // --- language ---

    @Test
    void japaneseIsAnsweredInJapanese() {
        Response r = api().header("X-Soracom-Lang", "ja").get("/v1/nothing");

        String message = assertError(r, 404, "COM0002");
        assertThat(message).matches(JAPANESE);
        assertThat(r.header("Content-Language")).isEqualTo("ja");
    }

    @Test
    void japaneseMessagesAreTheSameErrorAsTheEnglishOnes() {
        Operator op = newOperator();
        String path = "/v1/operators/" + op.operatorId();

        Response en = api().header("X-Soracom-Lang", "en").get(path);
        Response ja = api().header("X-Soracom-Lang", "ja").get(path);

        assertThat(assertError(en, 401, "AUM0001")).isEqualTo("Token is required in the request header");
        assertThat(assertError(ja, 401, "AUM0001")).matches(JAPANESE);
        assertThat(ja.header("Content-Language")).isEqualTo("ja");
    }

    @Test
    void englishAbsentOrUnsupportedLanguagesAreAnsweredInEnglish() {
        Map<String, Response> answers = new LinkedHashMap<>();
        answers.put("en", api().header("X-Soracom-Lang", "en").get("/v1/nothing"));
        answers.put("absent", api().get("/v1/nothing"));
        answers.put("fr", api().header("X-Soracom-Lang", "fr").get("/v1/nothing"));

        answers.forEach((lang, r) -> {
            String message = assertError(r, 404, "COM0002");
            assertThat(message).as("message for %s", lang).doesNotMatch(JAPANESE);
            assertThat(r.header("Content-Language")).as("Content-Language for %s", lang).isEqualTo("en");
        });
    }

    @Test
    void theLanguageAppliesToValidationErrorsToo() {
        Response r = api().header("X-Soracom-Lang", "ja").contentType(ContentType.JSON)
                .body("{\"email\":\"a@example.com\",\"password\":\"x\",\"tokenTimeoutSeconds\":\"abc\"}").post("/v1/auth");

        assertThat(assertError(r, 400, "COM0008")).matches(JAPANESE);
        assertThat(r.header("Content-Language")).isEqualTo("ja");
    }

    // --- bodies ---

    @Test
    void malformedJsonIs400Com0001() {
        Response r = api().contentType(ContentType.JSON).body("{\"email\": \"a@example.com\", ").post("/v1/auth");

        assertError(r, 400, "COM0001");
    }

    @Test
    void malformedJsonIsA400InSoracomsForm() {
        Response r = api().contentType(ContentType.JSON).body("{\"email\": \"a@example.com\", ").post("/v1/auth");

        assertThat(r.statusCode()).as(r.asString()).isEqualTo(400);
        assertThat(r.jsonPath().getMap("$")).containsOnlyKeys("code", "message");
    }

    @Test
    void aValueOfTheWrongTypeIs400Com0008NamingTheField() {
        Response r = api().contentType(ContentType.JSON)
                .body("{\"email\":\"a@example.com\",\"password\":\"x\",\"tokenTimeoutSeconds\":\"abc\"}").post("/v1/auth");

        String message = assertError(r, 400, "COM0008");
        assertThat(message).contains("tokenTimeoutSeconds");
    }

    @Test
    void aBodyLargerThanTheLimitIs413WithContentLength() throws IOException {
        int size = 11 * 1024 * 1024;
        RawResponse r = raw("POST", "/v1/auth", size, false);

        assertThat(r.status).as(r.toString()).isEqualTo(413);
        assertThat(r.headers.get("content-type")).startsWith("application/json");
        JsonPath json = JsonPath.from(r.body);
        assertThat(json.getString("code")).isEqualTo("COM0005");
        assertThat(json.getString("message")).isNotBlank();
    }

    @Test
    void aChunkedBodyLargerThanTheLimitIs413() throws IOException {
        int size = 11 * 1024 * 1024;
        RawResponse r = raw("POST", "/v1/auth", size, true);

        assertThat(r.status).as(r.toString()).isEqualTo(413);
        JsonPath json = JsonPath.from(r.body);
        assertThat(json.getString("code")).isEqualTo("COM0005");
    }

    // --- never 5xx ---

    @Test
    void oddRequestsAreAnswered4xxInSoracomsForm() {
        Operator op = newOperator();
        Map<String, Response> answers = new LinkedHashMap<>();
        answers.put("empty JSON body", api().contentType(ContentType.JSON).body("").post("/v1/auth"));
        answers.put("JSON array body", api().contentType(ContentType.JSON).body("[1,2]").post("/v1/auth"));
        answers.put("JSON null body", api().contentType(ContentType.JSON).body("null").post("/v1/auth"));
        answers.put("huge number", api().contentType(ContentType.JSON)
                .body("{\"email\":\"a@example.com\",\"password\":\"x\",\"tokenTimeoutSeconds\":1e400}").post("/v1/auth"));
        answers.put("text/plain body", api().contentType(ContentType.TEXT).body("email=a").post("/v1/auth"));
        answers.put("XML accepted only", api().accept("application/xml").contentType(ContentType.JSON)
                .body(Map.of("email", "a@example.com", "password", "x")).post("/v1/auth"));
        answers.put("unknown operator id", as(op).get("/v1/operators/OP0000000001"));
        answers.put("double slash", api().urlEncodingEnabled(false).get("//v1/nothing"));
        answers.put("unknown operation under operator", as(op).delete("/v1/operators/" + op.operatorId()));

        answers.forEach((what, r) -> {
            assertThat(r.statusCode()).as("%s: %s", what, r.asString()).isBetween(400, 499);
            assertThat(r.contentType()).as("%s content type", what).startsWith("application/json");
            Map<String, Object> body = r.jsonPath().getMap("$");
            assertThat(body).as(what).containsOnlyKeys("code", "message");
            assertThat((String) body.get("code")).as(what).matches("[A-Z]{3}\\d{4}");
        });
    }

    @Test
    void urlsTheContainerRefusesAreStillAnsweredInSoracomsForm() throws IOException {
        for (String path : new String[] {"/v1/operators/%ZZ", "/v1/operators/OP%2F1"}) {
            RawResponse r = raw("GET", path, 0, false);

            assertThat(r.status).as(r.toString()).isBetween(400, 499);
            assertThat(r.headers.get("content-type")).as(r.toString()).startsWith("application/json");
            assertThat(JsonPath.from(r.body).getMap("$")).as(r.toString()).containsOnlyKeys("code", "message");
        }
    }

    @Test
    void aQueryParameterThatIsNotUtf8Is400Com0008() {
        Operator op = newOperator();

        Response r = as(op).urlEncodingEnabled(false).get("/v1/subscribers?limit=%FF");

        assertError(r, 400, "COM0008");
    }

    @Test
    void aValueLongerThanTheEmulatorStoresIs400AndNothingIsStored() {
        Operator op = newOperator();
        String users = "/v1/operators/" + op.operatorId() + "/users/";

        Response r = as(op).contentType(ContentType.JSON).body(Map.of("description", "x".repeat(100 * 1024))).post(users + "longdesc");

        assertError(r, 400, "COM0008");
        assertThat(as(op).get(users + "longdesc").statusCode()).isEqualTo(404);
    }

    @Test
    void aRequestLineAndHeadersOverEightKilobytesAre400InTheApisForm() throws IOException {
        Operator op = newOperator();

        Response header = as(op).header("X-Padding", "p".repeat(9000)).get("/v1/subscribers");
        Response query = as(op).queryParam("last_evaluated_key", "k".repeat(9000)).get("/v1/subscribers");
        RawResponse esim = raw("GET", "/esim-commerce/v1/data-plans?providerCode=" + "k".repeat(9000), 0, false);

        assertThat(assertError(header, 400, "COM0008")).contains("8192 bytes");
        assertThat(assertError(query, 400, "COM0008")).contains("8192 bytes");
        assertThat(esim.status).as(esim.toString()).isEqualTo(400);
        assertThat(JsonPath.from(esim.body).getMap("$")).as(esim.toString()).containsOnlyKeys("statusCode", "message", "error");
        as(op).header("X-Padding", "p".repeat(7000)).get("/v1/subscribers").then().statusCode(200);
    }

    @Test
    void theNulCharacterInAQueryParameterIs400Com0008NamingIt() {
        Operator op = newOperator();

        Response r = as(op).urlEncodingEnabled(false).get("/v1/sims?last_evaluated_key=%00");

        assertThat(assertError(r, 400, "COM0008")).contains("last_evaluated_key");
    }

    @Test
    void theNulCharacterInAJsonTextIs400Com0008AndNothingIsStored() {
        Operator op = newOperator();
        String users = "/v1/operators/" + op.operatorId() + "/users/";

        Response value = as(op).contentType(ContentType.JSON).body(Map.of("description", "a\0b")).post(users + "nul");
        Response name = as(op).contentType(ContentType.JSON).body(Map.of("descr\0iption", "x")).post(users + "nul");

        assertThat(assertError(value, 400, "COM0008")).contains("/description");
        assertThat(assertError(name, 400, "COM0008")).contains("/description");
        assertThat(as(op).get(users + "nul").statusCode()).isEqualTo(404);
    }

    @Test
    void anEscapedBackslashBeforeU0000IsPlainText() {
        Operator op = newOperator();
        String users = "/v1/operators/" + op.operatorId() + "/users/";
        String text = "a\\u0000b";

        as(op).contentType(ContentType.JSON).body(Map.of("description", text)).post(users + "backslash").then().statusCode(201);

        assertThat(as(op).get(users + "backslash").<String>path("description")).isEqualTo(text);
    }

    @Test
    void aUrlTheContainerRefusesUnderEsimCommerceIsAnsweredInItsEnvelope() throws IOException {
        RawResponse r = raw("GET", "/esim-commerce/v1/esims/a%00b", 0, false);

        assertThat(r.status).as(r.toString()).isEqualTo(400);
        assertThat(r.headers.get("content-type")).as(r.toString()).startsWith("application/json");
        JsonPath json = JsonPath.from(r.body);
        assertThat(json.getMap("$")).as(r.toString()).containsOnlyKeys("statusCode", "message", "error");
        assertThat(json.getInt("statusCode")).isEqualTo(400);
    }

    // --- a raw HTTP client: malformed requests, and reading the answer while still sending, as curl does ---

    private record RawResponse(int status, Map<String, String> headers, String body) {
    }

    /**
     * Sends {@code method path} as written (no encoding) with {@code size} bytes of blank filler as JSON body (with
     * Content-Length, or chunked; none when 0) and reads the answer while the body is still being sent.
     */
    private RawResponse raw(String method, String path, int size, boolean chunked) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            String head = method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n"
                    + (size == 0 ? "" : "Content-Type: application/json\r\n"
                            + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n"))
                    + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (size > 0) {
                Thread writer = new Thread(() -> writeFiller(out, size, chunked), "large-body-writer");
                writer.setDaemon(true);
                writer.start();
            }
            return readResponse(socket.getInputStream());
        }
    }

    private static void writeFiller(OutputStream out, int size, boolean chunked) {
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) ' ');
        try {
            for (int sent = 0; sent < size; sent += block.length) {
                int n = Math.min(block.length, size - sent);
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(block, 0, n);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException closedByServer) {
            // the server answered and closed the connection before the whole body was sent: expected
        }
    }

    private static RawResponse readResponse(InputStream in) throws IOException {
        String statusLine = readLine(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int n = Integer.parseInt(readLine(in).trim(), 16); n > 0; n = Integer.parseInt(readLine(in).trim(), 16)) {
                b.write(in.readNBytes(n));
                readLine(in);
            }
            body = b.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        return new RawResponse(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
