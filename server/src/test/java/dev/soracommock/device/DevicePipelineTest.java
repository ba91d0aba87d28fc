package dev.soracommock.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.soracommock.clock.MockClock;
import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole device data plane as a user tests it: a group with Orbit, Harvest Data and Beam; a device sends
 * {@code {"temp":21.5}}; the soralet's output is what Harvest Data keeps, and Beam delivers it to the user's own
 * server (a local HTTP server here) with the SIM's headers and a signature the server can check.
 */
class DevicePipelineTest extends ApiTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    /** What the user's server received. */
    record Received(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    @Autowired
    MockClock clock;

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private int answerStatus = 200;

    @BeforeEach
    void start() throws IOException {
        clock.freeze();
        clock.set(T0);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] answer = "{\"stored\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answerStatus, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        clock.reset();
    }

    private String destination() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ingest";
    }

    private void soralet(Operator op, String soraletId, String module) throws IOException {
        as(op).contentType(ContentType.JSON).body(Map.of("soraletId", soraletId)).post("/v1/soralets")
                .then().statusCode(201);
        try (InputStream in = getClass().getResourceAsStream("/soralet/" + module)) {
            as(op).contentType("application/octet-stream").body(in.readAllBytes())
                    .post("/v1/soralets/" + soraletId + "/versions").then().statusCode(201);
        }
    }

    /** The operator with a token of now (the clock moved past the first one's life). */
    private Operator login(Operator op) {
        Response auth = api().contentType(ContentType.JSON).body(Map.of("email", op.email(), "password", op.password()))
                .post("/v1/auth");
        auth.then().statusCode(200);
        return new Operator(op.operatorId(), auth.path("apiKey"), auth.path("token"), op.email(), op.password());
    }

    private Response send(String simId, String body) {
        return api().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/_mock/sims/" + simId + "/unified");
    }

    @Test
    void orbitTransformsHarvestKeepsAndBeamDeliversWithASignatureTheServerCanCheck() throws Exception {
        Operator op = newOperator();
        soralet(op, "wrap", "wrap.wasm");
        as(op).contentType(ContentType.JSON).body(Map.of("type", "psk", "credentials", Map.of("key", "topsecret")))
                .post("/v1/credentials/beam-psk").then().statusCode(201);
        String imsi = simInGroup(op, Map.of(
                "SoracomOrbit", Map.of("enabled", true, "direction", List.of("uplink"), "contentType", "application/json",
                        "codeSrn", "srn:soracom:" + op.operatorId() + ":jp:Soralet:wrap/$LATEST"),
                "SoracomHarvest", Map.of("enabled", true),
                "SoracomBeam", Map.of("http://beam.soracom.io:8888/", Map.of("enabled", true,
                        "destination", destination(), "addSubscriberHeader", true, "addSimIdHeader", true,
                        "addSignature", true, "psk", Map.of("$credentialsId", "beam-psk")))));

        Response answer = send(imsi, "{\"temp\":21.5}");

        // two services took part: the Unified form, both fine
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        assertThat(answer.<String>path("result")).isEqualTo("ok");
        assertThat(answer.<Integer>path("detail.harvest.statusCode")).isEqualTo(201);
        assertThat(answer.<Integer>path("detail.beam.statusCode")).isEqualTo(200);

        // Harvest Data keeps the soralet's output
        String transformed = "{\"imsi\":\"" + imsi + "\",\"data\":{\"temp\":21.5}}";
        Response data = as(op).get("/v1/data/Subscriber/" + imsi);
        data.then().statusCode(200);
        assertThat(data.jsonPath().getList("content", String.class)).containsExactly(transformed);
        assertThat(data.jsonPath().getList("time", Long.class)).containsExactly(T0.toEpochMilli());

        // Beam delivered it to the user's server, with the SIM's headers and a valid signature
        assertThat(received).hasSize(1);
        Received r = received.get(0);
        assertThat(r.path()).isEqualTo("/ingest");
        assertThat(r.body()).isEqualTo(transformed);
        assertThat(r.header("x-soracom-imsi")).isEqualTo(imsi);
        assertThat(r.header("x-soracom-sim-id")).isEqualTo(imsi);
        assertThat(r.header("x-soracom-timestamp")).isEqualTo(Long.toString(T0.toEpochMilli()));
        // recomputed as a receiver does: the key, then the identity headers received, in Beam's order
        String msisdn = r.header("x-soracom-msisdn");
        String signed = "topsecret" + "x-soracom-imsi=" + imsi + (msisdn == null ? "" : "x-soracom-msisdn=" + msisdn)
                + "x-soracom-sim-id=" + imsi + "x-soracom-timestamp=" + T0.toEpochMilli();
        assertThat(r.header("x-soracom-signature")).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(signed.getBytes(StandardCharsets.UTF_8))));

        // Harvest stats count the message
        Response stats = as(op).queryParam("from", T0.getEpochSecond() - 3600).queryParam("to", T0.getEpochSecond() + 3600)
                .queryParam("period", "minutes").get("/v1/stats/harvest/subscribers/" + imsi);
        assertThat(stats.jsonPath().getLong("[0].harvestStatsMap.http.count")).as(stats.asString()).isEqualTo(1);
    }

    @Test
    void beamAloneAnswersTheDestinationsAnswerAndAnUnreachableOneIsAGatewayError() {
        Operator op = newOperator();
        String imsi = simInGroup(op, Map.of("SoracomBeam", Map.of("http://beam.soracom.io:8888/",
                Map.of("destination", destination(), "addSubscriberHeader", true))));
        answerStatus = 202;

        Response answer = send(imsi, "{\"temp\":21.5}");
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(202);
        assertThat(answer.asString()).isEqualTo("{\"stored\":true}");
        assertThat(received.get(0).body()).isEqualTo("{\"temp\":21.5}");
        assertThat(received.get(0).header("x-soracom-signature")).isNull();

        server.stop(0);
        Response down = send(imsi, "{\"temp\":21.6}");
        assertThat(down.statusCode()).isEqualTo(502);
        assertThat(down.asString()).contains("did not answer");
    }

    @Test
    void aSoraletThatFailsStopsTheMessageAndNothingIsStoredOrForwarded() throws Exception {
        Operator op = newOperator();
        soralet(op, "trap", "trap.wasm");
        String imsi = simInGroup(op, Map.of(
                "SoracomOrbit", Map.of("enabled", true, "codeSrn", "srn:soracom:" + op.operatorId() + ":jp:Soralet:trap/1"),
                "SoracomHarvest", Map.of("enabled", true),
                "SoracomBeam", Map.of("http://beam.soracom.io:8888/", Map.of("destination", destination()))));

        Response answer = send(imsi, "{\"temp\":21.5}");

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
        assertThat(answer.<String>path("code")).isEqualTo("MCK0214");
        assertThat(as(op).get("/v1/data/Subscriber/" + imsi).jsonPath().getList("$")).isEmpty();
        assertThat(received).isEmpty();
        // the failure is in the soralet's logs, for 7 days
        assertThat(as(op).get("/v1/soralets/trap/logs").jsonPath().getList("$")).isNotEmpty();
        clock.advance(java.time.Duration.ofDays(7).minusSeconds(1));
        assertThat(as(login(op)).get("/v1/soralets/trap/logs").jsonPath().getList("$")).isNotEmpty();
        clock.advance(java.time.Duration.ofSeconds(2));
        assertThat(as(login(op)).get("/v1/soralets/trap/logs").jsonPath().getList("$")).isEmpty();
    }

    @Test
    void funkCallsAnHttpFunctionWithATokenTheFunctionCanVerifyAndTheDeviceGetsItsAnswer() throws Exception {
        Operator op = newOperator();
        as(op).contentType(ContentType.JSON).body(Map.of("type", "api-token-credentials",
                "credentials", Map.of("token", "function-key-1"))).post("/v1/credentials/fn-key").then().statusCode(201);
        String imsi = simInGroup(op, Map.of("SoracomFunk", Map.of("enabled", true,
                "credentialsId", Map.of("$credentialsId", "fn-key"), "contentType", "application/json",
                "destination", Map.of("provider", "azure", "service", "function-app", "resourceUrl", destination()))));

        Response answer = send(imsi, "{\"temp\":21.5}");

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        assertThat(answer.asString()).isEqualTo("{\"stored\":true}");
        assertThat(received).hasSize(1);
        Received r = received.get(0);
        assertThat(r.path()).isEqualTo("/ingest");
        assertThat(r.body()).isEqualTo("{\"temp\":21.5}");
        assertThat(r.header("user-agent")).isEqualTo("SORACOM Funk");
        assertThat(r.header("x-functions-key")).isEqualTo("function-key-1");
        // the token verifies with the emulator's published key and names the SIM
        SignedJWT token = SignedJWT.parse(r.header("x-soracom-token"));
        RSAKey key = JWKSet.parse(api().get("/_mock/funk/jwks").asString()).getKeyByKeyId(token.getHeader().getKeyID())
                .toRSAKey();
        assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(token.getJWTClaimsSet().getStringClaim("imsi")).isEqualTo(imsi);
        assertThat(token.getJWTClaimsSet().getStringClaim("operatorId")).isEqualTo(op.operatorId());
        assertThat(token.getJWTClaimsSet().getExpirationTime()).isAfter(java.util.Date.from(T0));
        // the delivery is recorded as every Funk delivery is
        assertThat(api().queryParam("sim_id", imsi).get("/_mock/deliveries").jsonPath().getList("service"))
                .containsExactly("funk");

        // a function that fails: its answer is the device's; one that cannot be reached: a gateway error
        answerStatus = 500;
        assertThat(send(imsi, "{\"temp\":21.6}").statusCode()).isEqualTo(500);
        server.stop(0);
        Response down = send(imsi, "{\"temp\":21.7}");
        assertThat(down.statusCode()).isEqualTo(502);
        assertThat(down.asString()).contains("did not answer");
        // both failures are in the operator's error log, newest first
        Response logs = as(op).queryParam("service", "Funk").get("/v1/logs");
        logs.then().statusCode(200);
        assertThat(logs.jsonPath().getList("resourceId", String.class)).containsExactly(imsi, imsi);
        assertThat(logs.jsonPath().getString("[0].body.message")).contains("did not answer");
        assertThat(logs.jsonPath().getInt("[1].body.statusCode")).isEqualTo(500);
        assertThat(logs.jsonPath().getList("logLevel", String.class)).containsOnly("error");
    }

    @Test
    void billsChargeTheHarvestFunnelAndFunkRequestsOfTheDay() {
        Operator op = newOperator();
        String imsi = simInGroup(op, Map.of("SoracomHarvest", Map.of("enabled", true),
                "SoracomFunnel", Map.of("enabled", true, "destination", Map.of("provider", "aws", "service", "kinesis")),
                "SoracomFunk", Map.of("enabled", true, "destination", Map.of("provider", "aws", "service", "lambda"))));
        for (int i = 0; i < 3; i++) {
            send(imsi, "{\"n\":" + i + "}").then().statusCode(200);
        }

        Response daily = as(op).get("/v1/bills/" + T0.toString().substring(0, 7).replace("-", "") + "/daily");
        daily.then().statusCode(200);
        Response items = as(op).get("/v1/bills/summaries/bill_items");
        items.then().statusCode(200);
        List<String> names = items.jsonPath().getList("[0].costBreakdownList.billItemName", String.class);
        assertThat(names).contains("dailySoracomHarvestWriteRequestChargeTotal", "dailySoracomFunnelRequestChargeTotal",
                "dailySoracomFunkRequestChargeTotal");
        assertThat(items.jsonPath().getList("[0].costBreakdownList.billItemCategory", String.class))
                .contains("Harvest", "Funnel", "Funk");
        // Harvest Data: one block of writes for the day; Funnel and Funk: three requests each
        String csvUrl = as(op).post("/v1/bills/latest/export").path("url");
        String csv = api().get(csvUrl.substring(csvUrl.indexOf("/_mock/"))).asString();
        assertThat(csv.lines().filter(l -> l.contains(",dailySoracomHarvestWriteRequestChargeTotal,Harvest,3 writes,1,")))
                .as(csv).hasSize(1);
        assertThat(csv.lines().filter(l -> l.contains(",dailySoracomFunnelRequestChargeTotal,Funnel,requests,3,")))
                .as(csv).hasSize(1);
        assertThat(csv.lines().filter(l -> l.contains(",dailySoracomFunkRequestChargeTotal,Funk,requests,3,")))
                .as(csv).hasSize(1);
    }
}
