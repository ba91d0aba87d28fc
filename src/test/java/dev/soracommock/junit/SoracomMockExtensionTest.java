package dev.soracommock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The JUnit extension used as the README shows it: a ready operator per test, the emulator reset in between. */
@Tag("own-emulator") // starts emulators of its own: run in a JVM of its own (pom.xml, surefire)
@ExtendWith(SoracomMockExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SoracomMockExtensionTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String firstOperatorId;
    private static String firstApiKey;
    private static String firstToken;

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
        // the README's example
        HttpRequest request = HttpRequest.newBuilder(URI.create(op.endpoint() + "/v1/subscribers"))
                .header("X-Soracom-API-Key", op.apiKey()).header("X-Soracom-Token", op.token()).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals("[]", response.body());

        HttpResponse<String> created = send(as(op, op.apiKey(), op.token(), "/v1/groups")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(send(as(op, op.apiKey(), op.token(), "/v1/groups")).body()).contains("\"groupId\"");

        for (String body : new String[] {
                "{\"email\":\"" + op.email() + "\",\"password\":\"" + op.password() + "\"}",
                "{\"authKeyId\":\"" + op.authKeyId() + "\",\"authKey\":\"" + op.authKey() + "\"}"}) {
            HttpResponse<String> auth = send(HttpRequest.newBuilder(URI.create(op.url("/v1/auth")))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(auth.statusCode()).as(auth.body()).isEqualTo(200);
            assertThat(auth.body()).contains(op.operatorId());
        }
        firstOperatorId = op.operatorId();
        firstApiKey = op.apiKey();
        firstToken = op.token();
    }

    @Test
    @Order(2)
    void theNextTestGetsAFreshOperatorOnAResetEmulator(SoracomMockOperator op) throws Exception {
        assertThat(firstOperatorId).as("the first test ran").isNotNull();
        assertThat(op.operatorId()).isNotEqualTo(firstOperatorId);
        assertThat(send(as(op, op.apiKey(), op.token(), "/v1/groups")).body()).isEqualTo("[]");
        // the previous test's operator is gone with the reset: its credentials no longer work
        assertThat(send(as(op, firstApiKey, firstToken, "/v1/subscribers")).statusCode()).isEqualTo(401);
    }
}
