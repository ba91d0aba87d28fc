package dev.soracommock.robustness;

import dev.soracommock.support.ContractRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP calls with the bytes exactly as given (raw path and query, already percent-encoded, any body bytes): what a
 * fuzzer needs and RestAssured would normalise or re-encode. Every call is bounded by a timeout.
 */
final class RawHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();

    /** One request: method, raw path with query, headers, body bytes (may be empty). */
    record Call(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {

        /** The request built from the contract ({@link ContractRequest}), byte for byte. */
        static Call of(ContractRequest request) {
            return new Call(request.method(), request.pathAndQuery(), request.headersWithContentType(), request.body());
        }

        Call with(String header, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(header, value);
            return new Call(method, pathAndQuery, h, body);
        }

        @Override
        public String toString() {
            String shownPath = pathAndQuery.length() > 300 ? pathAndQuery.substring(0, 300) + "…(" + pathAndQuery.length() + " chars)" : pathAndQuery;
            String shownBody = body.length > 300
                    ? new String(body, 0, 300, StandardCharsets.UTF_8) + "…(" + body.length + " bytes)"
                    : new String(body, StandardCharsets.UTF_8);
            return method + " " + shownPath + (body.length == 0 ? "" : " body " + shownBody);
        }
    }

    /** One answer. */
    record Answer(int status, String contentType, Map<String, java.util.List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().isEmpty() ? null : e.getValue().get(0)).findFirst().orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json(JsonMapper json) {
            return json.readTree(body);
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    Answer send(Call call) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.pathAndQuery()))
                .timeout(TIMEOUT)
                .method(call.method(), call.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        call.headers().forEach(b::header);
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(call + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(call + ": interrupted", e);
        }
    }
}
