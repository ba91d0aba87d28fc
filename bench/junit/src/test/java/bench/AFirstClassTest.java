package bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.soracommock.junit.SoracomMock;
import dev.soracommock.junit.SoracomMockOperator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

// runs first (alphabetical order): starts the emulator
@SoracomMock
class AFirstClassTest {

    @Test
    void listsNoSubscribers(SoracomMockOperator op) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(op.url("/v1/subscribers")))
                .header("X-Soracom-API-Key", op.apiKey()).header("X-Soracom-Token", op.token()).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("[]", response.body());
    }
}
