package dev.soracommock.fidelity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Calls the emulator the way soracom-cli does (soracom-facts §1.4–§1.9): {@code User-Agent: soracom-cli/0.0.0} and
 * {@code X-Soracom-Lang} on every request, the API key and token once logged in, {@code Content-Type} only when there
 * is a body (body-less POSTs and PUTs carry none and an empty body), the operator ID read from the token's payload,
 * and {@code --fetch-all} paging: each page must be a JSON array, the next one asked for with the
 * {@code x-soracom-next-key} header's value as {@code last_evaluated_key} until the header is missing or empty.
 */
final class CliLikeClient {

    record Answer(int status, String contentType, String body, HttpResponse<String> raw) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String text(String field) {
            return json().path(field).asString();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String endpoint;
    private final String lang;
    private String apiKey;
    private String token;

    CliLikeClient(int port, String lang) {
        this.endpoint = "http://localhost:" + port;
        this.lang = lang;
    }

    /** Keeps the credentials of an /auth or /sandbox/init answer, as a profile's login does. */
    void loggedIn(Answer auth) {
        this.apiKey = auth.text("apiKey");
        this.token = auth.text("token");
    }

    /** The operator ID soracom-cli puts into {operator_id}: from the token's payload (base64url, padding optional). */
    String operatorId() {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JSON.readTree(payload).path("operator").path("operatorId").asString();
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer delete(String path) {
        return send("DELETE", path, null);
    }

    /** A POST without a body: no Content-Type, an empty body. */
    Answer post(String path) {
        return send("POST", path, null);
    }

    Answer post(String path, String json) {
        return send("POST", path, json);
    }

    Answer put(String path) {
        return send("PUT", path, null);
    }

    Answer put(String path, String json) {
        return send("PUT", path, json);
    }

    /** {@code --fetch-all}: every page of a paginated list, concatenated. */
    ArrayNode fetchAll(String pathAndQuery) {
        ArrayNode all = JSON.createArrayNode();
        String next = null;
        int pages = 0;
        do {
            String url = next == null ? pathAndQuery
                    : pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + "last_evaluated_key=" + next;
            Answer page = get(url);
            if (page.status() != 200) {
                throw new AssertionError("page " + pages + " of " + pathAndQuery + ": " + page.status() + " " + page.body());
            }
            JsonNode items = page.json();
            if (!items.isArray()) {
                throw new AssertionError("--fetch-all needs a JSON array per page: " + page.body());
            }
            all.addAll((ArrayNode) items);
            next = page.raw().headers().firstValue("x-soracom-next-key").orElse("");
            pages++;
        } while (!next.isEmpty() && pages < 100);
        return all;
    }

    private Answer send(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint + path))
                .header("User-Agent", "soracom-cli/0.0.0")
                .header("X-Soracom-Lang", lang)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (apiKey != null) {
            b.header("X-Soracom-API-Key", apiKey).header("X-Soracom-Token", token);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asString()));
        return out;
    }
}
