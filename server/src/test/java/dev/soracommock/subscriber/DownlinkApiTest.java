package dev.soracommock.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Downlink to a device the test runs: a JDK HTTP server plays the SIM's device, registered with
 * {@code PUT /_mock/sims/{sim_id}/device}; the downlink operations and SMS reach it for real.
 */
class DownlinkApiTest extends SimTestSupport {

    /** What the device received: method, path, one header, body. */
    record Received(String method, String path, String header, String body) {
    }

    private HttpServer device;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startDevice() throws IOException {
        device = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        device.createContext("/", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            received.add(new Received(exchange.getRequestMethod(), path,
                    exchange.getRequestHeaders().getFirst("X-Test"), new String(in, StandardCharsets.UTF_8)));
            byte[] out;
            int status;
            if (path.startsWith("/downlink/tcp/")) {
                out = new String(in, StandardCharsets.UTF_8).toUpperCase().getBytes(StandardCharsets.UTF_8);
                status = 200;
            } else if (path.startsWith("/downlink/") || path.equals("/sms")) {
                out = new byte[0];
                status = 200;
            } else {
                out = ("device saw " + exchange.getRequestMethod() + " " + path).getBytes(StandardCharsets.UTF_8);
                status = 201;
                exchange.getResponseHeaders().add("X-Device", "yes");
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
            }
            exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
            exchange.close();
        });
        device.start();
    }

    @AfterEach
    void stopDevice() {
        device.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + device.getAddress().getPort();
    }

    /** A registered SIM of {@code op}, online, with the test's device registered. */
    private String onlineSimWithDevice(Operator op) {
        String id = registeredSim(op);
        device(id, Map.of("online", true)).then().statusCode(200);
        Response r = api().contentType(ContentType.JSON).body(Map.of("baseUrl", base() + "/"))
                .put("/_mock/sims/" + id + "/device");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        assertThat(r.<String>path("baseUrl")).isEqualTo(base());
        return id;
    }

    private Response downlink(Operator op, String id, String kind, Map<String, ?> body) {
        return as(op).contentType(ContentType.JSON).body(body).post("/v1/sims/" + id + "/downlink/" + kind);
    }

    private static void assertError(Response r, int status, String code) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.<String>path("code")).isEqualTo(code);
    }

    @Test
    void theDeviceIsRegisteredReadAndForgotten() {
        Operator op = newOperator();
        String id = onlineSimWithDevice(op);
        assertThat(api().get("/_mock/sims/" + id + "/device").<String>path("baseUrl")).isEqualTo(base());
        assertError(api().contentType(ContentType.JSON).body(Map.of("baseUrl", "ftp://x")).put("/_mock/sims/" + id
                + "/device"), 400, "MCK0406");
        assertThat(api().get("/_mock/sims/" + id + "/device").<String>path("baseUrl")).isEqualTo(base());
        api().delete("/_mock/sims/" + id + "/device").then().statusCode(204);
        assertError(api().get("/_mock/sims/" + id + "/device"), 404, "MCK0405");
        assertError(api().delete("/_mock/sims/" + id + "/device"), 404, "MCK0405");
        assertError(api().contentType(ContentType.JSON).body(Map.of("baseUrl", base()))
                .put("/_mock/sims/8942000000000000000/device"), 404, "SEM0002");
    }

    @Test
    void httpDownlinkIsForwardedToTheDeviceAndItsAnswerReturned() {
        Operator op = newOperator();
        String id = onlineSimWithDevice(op);
        Response r = downlink(op, id, "http", Map.of("method", "POST", "path", "/hello?x=1",
                "headers", Map.of("X-Test", "downlink"), "body", "{\"on\":true}"));
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        assertThat(r.<Integer>path("statusCode")).isEqualTo(201);
        assertThat(r.<String>path("body")).isEqualTo("device saw POST /hello?x=1");
        assertThat(r.<Boolean>path("isBase64Encoded")).isFalse();
        Map<String, String> headers = r.path("headers");
        assertThat(headers).anySatisfy((k, v) -> {
            assertThat(k).isEqualToIgnoringCase("X-Device");
            assertThat(v).isEqualTo("yes");
        });
        assertThat(received).containsExactly(new Received("POST", "/hello?x=1", "downlink", "{\"on\":true}"));
    }

    @Test
    void tcpUdpAndPingReachTheDevice() {
        Operator op = newOperator();
        String id = onlineSimWithDevice(op);
        Response tcp = downlink(op, id, "tcp", Map.of("port", 7000, "payload", "abc"));
        assertThat(tcp.statusCode()).as(tcp.asString()).isEqualTo(200);
        assertThat(tcp.<String>path("data")).isEqualTo("ABC");
        Response hex = downlink(op, id, "tcp", Map.of("port", 7000, "payload", "6869", "payloadEncoding", "hex"));
        assertThat(hex.<String>path("data")).isEqualTo("4849");
        assertThat(hex.<String>path("dataEncoding")).isEqualTo("hex");

        downlink(op, id, "udp", Map.of("port", 7001, "payload", "aGVsbG8=", "payloadEncoding", "base64"))
                .then().statusCode(204);

        Response ping = downlink(op, id, "ping", Map.of("numberOfPingRequests", 2, "timeoutSeconds", 1));
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.<Boolean>path("success")).isTrue();
        assertThat(ping.<String>path("stat")).startsWith("2 packets transmitted, 2 received");

        assertThat(received).extracting(Received::method, Received::path, Received::body).containsExactly(
                org.assertj.core.groups.Tuple.tuple("POST", "/downlink/tcp/7000", "abc"),
                org.assertj.core.groups.Tuple.tuple("POST", "/downlink/tcp/7000", "hi"),
                org.assertj.core.groups.Tuple.tuple("POST", "/downlink/udp/7001", "hello"),
                org.assertj.core.groups.Tuple.tuple("GET", "/downlink/ping", ""),
                org.assertj.core.groups.Tuple.tuple("GET", "/downlink/ping", ""));
    }

    @Test
    void anSmsIsKeptAndDeliveredToTheDevice() {
        Operator op = newOperator();
        String id = onlineSimWithDevice(op);
        Response sent = as(op).contentType(ContentType.JSON).body(Map.of("payload", "hello device", "encodingType", 2))
                .post("/v1/sims/" + id + "/send_sms");
        sent.then().statusCode(202);
        String messageId = sent.path("messageId");
        assertThat(received).hasSize(1);
        assertThat(received.get(0).path()).isEqualTo("/sms");
        assertThat(received.get(0).body()).contains("\"messageId\":\"" + messageId + "\"")
                .contains("\"payload\":\"hello device\"").contains("\"simId\":\"" + id + "\"");
        assertThat(api().get("/_mock/sims/" + id + "/sms").jsonPath().getList("messageId")).containsExactly(messageId);

        // sent to the subscriber (by IMSI; the sandbox SIM's IMSI is its SIM ID) the device gets it too
        Response bySubscriber = as(op).contentType(ContentType.JSON).body(Map.of("payload", "by imsi", "encodingType", 2))
                .post("/v1/subscribers/" + id + "/send_sms");
        bySubscriber.then().statusCode(202);
        assertThat(received).hasSize(2);
        assertThat(received.get(1).body()).contains("\"messageId\":\"" + bySubscriber.path("messageId") + "\"")
                .contains("\"payload\":\"by imsi\"");
    }

    @Test
    void withoutADeviceOrOfflineTheDownlinkIsRefusedAndPingFails() {
        Operator op = newOperator();
        String id = onlineSimWithDevice(op);
        api().delete("/_mock/sims/" + id + "/device").then().statusCode(204);
        assertError(downlink(op, id, "http", Map.of("method", "GET", "path", "/")), 422, "MCK0404");
        assertError(downlink(op, id, "tcp", Map.of("port", 1, "payload", "x")), 422, "MCK0404");
        assertError(downlink(op, id, "udp", Map.of("port", 1, "payload", "x")), 400, "MCK0407");
        Response ping = downlink(op, id, "ping", Map.of());
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.<Boolean>path("success")).isFalse();
        assertThat(ping.<String>path("stat")).isEqualTo("1 packets transmitted, 0 received, 100% packet loss");
        // SMS are still kept
        as(op).contentType(ContentType.JSON).body(Map.of("payload", "x")).post("/v1/sims/" + id + "/send_sms")
                .then().statusCode(202);

        // a device that is gone: unreachable
        api().contentType(ContentType.JSON).body(Map.of("baseUrl", base())).put("/_mock/sims/" + id + "/device")
                .then().statusCode(200);
        device.stop(0);
        assertError(downlink(op, id, "http", Map.of("method", "GET", "path", "/")), 422, "MCK0404");

        // offline
        device(id, Map.of("online", false)).then().statusCode(200);
        assertError(downlink(op, id, "http", Map.of("method", "GET", "path", "/")), 400, "MCK0403");
        assertError(downlink(op, id, "udp", Map.of("port", 1, "payload", "x")), 400, "MCK0403");
        assertThat(received).isEmpty();
    }

    @Test
    void anotherOperatorCannotReachTheDevice() {
        Operator a = newOperator();
        Operator b = newOperator();
        String id = onlineSimWithDevice(a);
        assertError(downlink(b, id, "http", Map.of("method", "GET", "path", "/")), 404, "SEM0002");
        assertError(downlink(b, id, "tcp", Map.of("port", 1, "payload", "x")), 404, "SEM0002");
        assertError(downlink(b, id, "udp", Map.of("port", 1, "payload", "x")), 404, "SEM0002");
        assertThat(downlink(b, id, "ping", Map.of()).statusCode()).isEqualTo(404);
        assertError(as(b).contentType(ContentType.JSON).body(Map.of("payload", "x")).post("/v1/sims/" + id + "/send_sms"),
                404, "SEM0002");
        assertThat(received).isEmpty();
    }
}
