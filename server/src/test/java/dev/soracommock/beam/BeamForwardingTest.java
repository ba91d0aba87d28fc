package dev.soracommock.beam;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.soracommock.clock.MockClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Beam's forwarding as a user's server receives it: a local HTTP server stands for the destination. */
class BeamForwardingTest {

    record Received(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(",", e.getValue())).findFirst().orElse(null);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String base;
    private final MockClock clock = new MockClock();
    private final BeamForwarding beam = new BeamForwarding(clock);
    private final BeamMessage message = new BeamMessage("8942000000000000001", "001010000000001", null,
            "860000012345678", "POST", "/", "application/json", "{\"temp\":21.5}".getBytes(StandardCharsets.UTF_8));

    @BeforeEach
    void startDestination() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        clock.freeze();
        clock.set(Instant.ofEpochMilli(1445587157992L));
    }

    @AfterEach
    void stopDestination() {
        server.stop(0);
    }

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }

    @Test
    void forwardsTheBodyWithTheIdentityHeadersAndASignatureTheReceiverCanCheck() {
        JsonNode config = json("""
                {"http://beam.soracom.io:8888/": {"enabled": true, "destination": "%s/in",
                  "addSubscriberHeader": true, "addEquipmentHeader": true, "addSimIdHeader": true,
                  "addSignature": true, "psk": {"$credentialsId": "my-psk"}}}""".formatted(base));

        BeamResult result = beam.forward(config, message,
                id -> id.equals("my-psk") ? Optional.of("mysecretkey") : Optional.empty()).orElseThrow();

        assertThat(result.delivered()).isTrue();
        assertThat(result.statusCode()).isEqualTo(201);
        assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
        Received r = received.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/in");
        assertThat(r.body()).isEqualTo("{\"temp\":21.5}");
        assertThat(r.header("content-type")).isEqualTo("application/json");
        assertThat(r.header("user-agent")).isEqualTo("SORACOM Beam");
        assertThat(r.header("x-soracom-imsi")).isEqualTo("001010000000001");
        assertThat(r.header("x-soracom-imei")).isEqualTo("860000012345678");
        assertThat(r.header("x-soracom-sim-id")).isEqualTo("8942000000000000001");
        assertThat(r.header("x-soracom-msisdn")).isNull();
        assertThat(r.header("x-soracom-timestamp")).isEqualTo("1445587157992");
        assertThat(r.header("x-soracom-signature-version")).isEqualTo("20151001");
        // recomputed as a receiver does: the key, then each identity header it got, in Beam's order
        String expected = java.util.HexFormat.of().formatHex(sha256("mysecretkey"
                + "x-soracom-imei=860000012345678x-soracom-imsi=001010000000001"
                + "x-soracom-sim-id=8942000000000000001x-soracom-timestamp=1445587157992"));
        assertThat(r.header("x-soracom-signature")).isEqualTo(expected);
    }

    @Test
    void theSignatureOfSoracomsPublishedExample() {
        // the example of Soracom's signature-verification page: imei and imsi headers only
        assertThat(BeamSignature.sign("mysecretkey", Map.of("x-soracom-imei", "860000012345678",
                "x-soracom-imsi", "295000012345678", "x-soracom-timestamp", "1445587157992")))
                .isEqualTo("95c8e34d68e2bd76502c1e403108dc1bd7008964c31081d0415adb9f21a721a5");
    }

    @Test
    void headersAreAddedOnlyWhereConfiguredAndCustomHeadersApply() {
        JsonNode config = json("""
                {"http://beam.soracom.io:8888/": {"destination": "%s",
                  "customHeaders": {"X-Api-Key": {"action": "append", "headerKey": "X-Api-Key", "headerValue": "k1"},
                                    "User-Agent": {"action": "delete", "headerKey": "User-Agent"}},
                  "username": "u", "password": "p"}}""".formatted(base));
        BeamMessage sensor = new BeamMessage("s", "i", null, null, "PUT", "/sensors/7", "text/plain",
                "21.5".getBytes(StandardCharsets.UTF_8));

        assertThat(beam.forward(config, sensor, id -> Optional.empty()).orElseThrow().statusCode()).isEqualTo(201);

        Received r = received.get(0);
        assertThat(r.method()).isEqualTo("PUT");
        assertThat(r.path()).isEqualTo("/sensors/7");
        assertThat(r.header("x-soracom-imsi")).isNull();
        assertThat(r.header("x-soracom-signature")).isNull();
        assertThat(r.header("x-api-key")).isEqualTo("k1");
        assertThat(r.header("authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString("u:p".getBytes()));
    }

    @Test
    void theLongestMatchingHttpEntryPointWinsAndABinaryEntryPointWrapsThePayload() {
        JsonNode config = json("""
                {"http://beam.soracom.io:8888/": {"destination": "%1$s/root"},
                 "http://beam.soracom.io:8888/alerts": {"destination": "%1$s/alerts-in"},
                 "tcp://beam.soracom.io:23080": {"destination": "%1$s/binary"}}""".formatted(base));
        BeamMessage alert = new BeamMessage("s", "i", null, null, "POST", "/alerts/high", "text/plain", new byte[] {1});

        assertThat(beam.forward(config, alert, id -> Optional.empty()).orElseThrow().url()).isEqualTo(base + "/alerts-in/high");

        JsonNode binaryOnly = json("""
                {"tcp://beam.soracom.io:23080": {"destination": "%s/binary"}}""".formatted(base));
        beam.forward(binaryOnly, new BeamMessage("s", "i", null, null, "POST", "/", "application/octet-stream",
                new byte[] {1, 2, 3}), id -> Optional.empty()).orElseThrow();
        Received r = received.get(1);
        assertThat(r.path()).isEqualTo("/binary");
        assertThat(r.header("content-type")).isEqualTo("application/json");
        assertThat(r.body()).isEqualTo("{\"payload\":\"AQID\"}");
    }

    @Test
    void nothingIsSentWhenNoEnabledEntryPointAppliesOrTheKeyIsMissing() {
        assertThat(beam.forward(json("{}"), message, id -> Optional.empty())).isEmpty();
        assertThat(beam.forward(json("""
                {"http://beam.soracom.io:8888/": {"enabled": false, "destination": "%s"}}""".formatted(base)),
                message, id -> Optional.empty())).isEmpty();

        BeamResult unsigned = beam.forward(json("""
                {"http://beam.soracom.io:8888/": {"destination": "%s", "addSignature": true,
                  "psk": {"$credentialsId": "gone"}}}""".formatted(base)), message, id -> Optional.empty()).orElseThrow();
        assertThat(unsigned.delivered()).isFalse();
        assertThat(unsigned.error()).contains("gone");
        assertThat(received).isEmpty();
    }

    @Test
    void anUnreachableOrNonHttpDestinationIsReportedNotThrown() {
        server.stop(0);
        BeamResult down = beam.forward(json("""
                {"http://beam.soracom.io:8888/": {"destination": "%s"}}""".formatted(base)), message,
                id -> Optional.empty()).orElseThrow();
        assertThat(down.delivered()).isFalse();
        assertThat(down.statusCode()).isZero();
        assertThat(down.error()).startsWith("the destination did not answer");

        BeamResult mqtt = beam.forward(json("""
                {"http://beam.soracom.io:8888/": {"destination": "mqtt://broker.example:1883/t"}}"""), message,
                id -> Optional.empty()).orElseThrow();
        assertThat(mqtt.error()).contains("http(s) destinations only");
    }

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
