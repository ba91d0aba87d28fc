package dev.soracommock.junit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A running emulator, reached over HTTP: reset it, sign up an operator. */
class Emulator {

    private static final AtomicInteger OPERATORS = new AtomicInteger();

    private final String endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Emulator(String endpoint) {
        this.endpoint = endpoint;
    }

    String endpoint() {
        return endpoint;
    }

    /** Forgets everything ({@code POST /_mock/reset}), then signs up a sandbox operator with an auth key of its own. */
    SoracomMockOperator resetAndSignUp() {
        call("POST", "/_mock/reset", null, null, null, 200);
        String email = "junit-" + OPERATORS.incrementAndGet() + "-" + UUID.randomUUID() + "@soracom-mock.test";
        String password = "Junit-" + UUID.randomUUID();
        String signedUp = call("POST", "/v1/sandbox/init", "{\"email\":\"" + email + "\",\"password\":\"" + password
                + "\",\"authKeyId\":\"keyId-junit\",\"authKey\":\"secret-junit\"}", null, null, 201);
        String operatorId = field(signedUp, "operatorId");
        String apiKey = field(signedUp, "apiKey");
        String token = field(signedUp, "token");
        String key = call("POST", "/v1/operators/" + operatorId + "/auth_keys", null, apiKey, token, 201);
        return new SoracomMockOperator(endpoint, operatorId, email, password, field(key, "authKeyId"),
                field(key, "authKey"), apiKey, token);
    }

    /** Whether it answers its readiness probe. */
    boolean ready() {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An emulator this extension did not start is left running. */
    void stop() {
    }

    private String call(String method, String path, String json, String apiKey, String token, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (apiKey != null) {
            request.header("X-Soracom-API-Key", apiKey).header("X-Soracom-Token", token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("soracom-mock at " + endpoint + " answered " + method + " " + path
                        + " with " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("soracom-mock at " + endpoint + " did not answer " + method + " " + path
                    + " (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling soracom-mock", e);
        }
    }

    /**
     * A string field of a flat JSON answer. The emulator's answers read here (sign-up, auth key) hold identifiers and
     * tokens only: no escapes, no nesting (this artifact brings no JSON library, so as to bring nothing at all).
     */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"\\\\]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no '" + name + "' in soracom-mock's answer " + json);
        }
        return m.group(1);
    }
}
