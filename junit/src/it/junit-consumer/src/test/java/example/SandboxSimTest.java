package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.soracommock.junit.SoracomMock;
import dev.soracommock.junit.SoracomMockOperator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

// a second class: the same emulator (started once for the run), a fresh operator and state for each test
@SoracomMock
class SandboxSimTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSandboxSimIsCreatedForTheOperator(SoracomMockOperator op) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(op.url("/v1/sandbox/subscribers/create")))
                .header("X-Soracom-API-Key", op.apiKey()).header("X-Soracom-Token", op.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"imsi\":\"00101"), created.body());
        Emulators.seen(op.endpoint());
    }

    @Test
    void theStateOfTheTestBeforeIsGone(SoracomMockOperator op) throws Exception {
        HttpResponse<String> subscribers = http.send(HttpRequest.newBuilder(URI.create(op.url("/v1/subscribers")))
                .header("X-Soracom-API-Key", op.apiKey()).header("X-Soracom-Token", op.token()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("[]", subscribers.body());
        Emulators.seen(op.endpoint());
    }
}
