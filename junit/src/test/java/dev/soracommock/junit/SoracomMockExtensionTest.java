package dev.soracommock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The extension as the guide shows it: an emulator in its own JVM, a ready operator per test, a reset in between. */
@SoracomMock
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SoracomMockExtensionTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SoracomMockOperator first;

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder as(SoracomMockOperator op, String apiKey, String token, String path) {
        return HttpRequest.newBuilder(URI.create(op.url(path))).header("X-Soracom-API-Key", apiKey)
                .header("X-Soracom-Token", token);
    }

    @Test
    @Order(1)
    void anOperatorIsReadyToCallTheApi(SoracomMockOperator op) throws Exception {
        assertTrue(op.endpoint().startsWith("http://127.0.0.1:"), op.endpoint());
        assertEquals("[]", send(as(op, op.apiKey(), op.token(), "/v1/subscribers")).body());

        HttpResponse<String> created = send(as(op, op.apiKey(), op.token(), "/v1/groups")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(send(as(op, op.apiKey(), op.token(), "/v1/groups")).body().contains("\"groupId\""));

        for (String body : new String[] {
                "{\"email\":\"" + op.email() + "\",\"password\":\"" + op.password() + "\"}",
                "{\"authKeyId\":\"" + op.authKeyId() + "\",\"authKey\":\"" + op.authKey() + "\"}"}) {
            HttpResponse<String> auth = send(HttpRequest.newBuilder(URI.create(op.url("/v1/auth")))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
            assertEquals(200, auth.statusCode(), auth.body());
            assertTrue(auth.body().contains(op.operatorId()), auth.body());
        }
        first = op;
    }

    @Test
    @Order(2)
    void theNextTestGetsAFreshOperatorOnAResetEmulator(SoracomMockOperator op) throws Exception {
        assertNotNull(first, "the first test ran");
        assertEquals(first.endpoint(), op.endpoint(), "one emulator for the run");
        assertNotEquals(first.operatorId(), op.operatorId());
        assertEquals("[]", send(as(op, op.apiKey(), op.token(), "/v1/groups")).body());
        // the previous test's operator went with the reset: its credentials no longer work
        assertEquals(401, send(as(op, first.apiKey(), first.token(), "/v1/subscribers")).statusCode());
    }
}
