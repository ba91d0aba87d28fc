package dev.soracommock.beam;

import dev.soracommock.clock.MockClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Forwards a device's message for real, as Beam does, by the group's {@code SoracomBeam} configuration: an object
 * whose keys are Beam entry points ({@code http://beam.soracom.io:8888/…}, {@code tcp://beam.soracom.io:23080}, …)
 * and whose values say where to and how ({@code destination}, {@code enabled}, {@code addSubscriberHeader},
 * {@code addEquipmentHeader}, {@code addSimIdHeader}, {@code addSignature} with {@code psk}, {@code customHeaders},
 * {@code username}/{@code password}).
 *
 * <p>Which entry point a message the Unified Endpoint passes on uses is not documented [UNKNOWN]; the emulator's
 * choice: the HTTP entry point whose path is the longest prefix of the message's path, else the TCP or UDP → HTTP
 * entry point ({@code :23080}), which posts {@code {"payload":"<base64 of the body>"}} as Beam does. Destinations
 * other than http(s) (MQTT, TCP) are not called: the result says so.
 */
@Service
public class BeamForwarding {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final MockClock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    BeamForwarding(MockClock clock) {
        this.clock = clock;
    }

    /**
     * Forwards {@code message} by {@code soracomBeam} (the group's namespace object); empty when no enabled entry
     * point applies. {@code preSharedKey} finds the key of a credentials ID ({@code {"$credentialsId": …}} in
     * {@code psk}); a signature asked for with a key that is not there is not sent and the result says why.
     */
    public Optional<BeamResult> forward(JsonNode soracomBeam, BeamMessage message,
            Function<String, Optional<String>> preSharedKey) {
        Optional<Map.Entry<String, JsonNode>> entry = entryPoint(soracomBeam, message.path());
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        String key = entry.get().getKey();
        JsonNode config = entry.get().getValue();
        boolean binaryToHttp = !key.toLowerCase(Locale.ROOT).startsWith("http");
        String url = destination(config.path("destination"), binaryToHttp ? "" : remainder(key, message.path()));
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            return Optional.of(failure(key, url, "the destination " + (url == null ? "is missing" : url + " is not an http(s) URL")
                    + ": the emulator's Beam forwards to http(s) destinations only"));
        }

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("user-agent", "SORACOM Beam");
        headers.put("content-type", binaryToHttp ? "application/json" : contentTypeOf(message));
        if (config.path("addEquipmentHeader").asBoolean(false) && message.imei() != null) {
            headers.put("x-soracom-imei", message.imei());
        }
        if (config.path("addSubscriberHeader").asBoolean(false)) {
            headers.put("x-soracom-imsi", message.imsi());
            if (message.msisdn() != null) {
                headers.put("x-soracom-msisdn", message.msisdn());
            }
        }
        if (config.path("addSimIdHeader").asBoolean(false)) {
            headers.put("x-soracom-sim-id", message.simId());
        }
        if (config.path("addSignature").asBoolean(false)) {
            Optional<String> psk = psk(config.path("psk"), preSharedKey);
            if (psk.isEmpty()) {
                return Optional.of(failure(key, url, "addSignature is set but the pre-shared key "
                        + config.path("psk") + " is not among the operator's credentials"));
            }
            headers.put("x-soracom-timestamp", Long.toString(clock.nowMillis()));
            headers.put("x-soracom-signature-version", BeamSignature.VERSION);
            headers.put("x-soracom-signature", BeamSignature.sign(psk.get(), headers));
        }
        customHeaders(config.path("customHeaders"), headers);
        String user = config.path("username").asString("");
        if (!user.isEmpty()) {
            String pair = user + ":" + config.path("password").asString("");
            headers.put("authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }

        byte[] body = binaryToHttp
                ? ("{\"payload\":\"" + Base64.getEncoder().encodeToString(message.body()) + "\"}").getBytes(StandardCharsets.UTF_8)
                : message.body();
        return Optional.of(send(key, url, binaryToHttp ? "POST" : message.method(), headers, body));
    }

    private BeamResult send(String key, String url, String method, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(ANSWER_TIMEOUT)
                    .method(method, body.length == 0 && method.equals("GET")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
        } catch (IllegalArgumentException e) {
            return failure(key, url, "the destination could not be called: " + e.getMessage());
        }
        try {
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new BeamResult(key, url, answer.statusCode(),
                    answer.headers().firstValue("content-type").orElse(null), answer.body(), null);
        } catch (IOException e) {
            return failure(key, url, "the destination did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(key, url, "interrupted while waiting for the destination");
        }
    }

    private static BeamResult failure(String key, String url, String why) {
        return new BeamResult(key, url, 0, null, new byte[0], why);
    }

    /** The enabled entry point for a message: the longest matching HTTP prefix, else a binary → HTTP one. */
    static Optional<Map.Entry<String, JsonNode>> entryPoint(JsonNode soracomBeam, String path) {
        Map.Entry<String, JsonNode> best = null;
        int bestLength = -1;
        Map.Entry<String, JsonNode> binary = null;
        if (soracomBeam == null || !soracomBeam.isObject()) {
            return Optional.empty();
        }
        for (Map.Entry<String, JsonNode> e : soracomBeam.properties()) {
            if (!e.getValue().isObject() || !e.getValue().path("enabled").asBoolean(true)) {
                continue;
            }
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (key.startsWith("http://") || key.startsWith("https://")) {
                String prefix = pathOf(e.getKey());
                if (path.startsWith(prefix) && prefix.length() > bestLength) {
                    best = e;
                    bestLength = prefix.length();
                }
            } else if ((key.startsWith("tcp://") || key.startsWith("udp://")) && key.endsWith(":23080") && binary == null) {
                binary = e;
            }
        }
        return Optional.ofNullable(best != null ? best : binary);
    }

    /** The path of an entry point's key: {@code http://beam.soracom.io:8888/in} → {@code /in}. */
    static String pathOf(String key) {
        int slash = key.indexOf('/', key.indexOf("://") + 3);
        return slash < 0 ? "/" : key.substring(slash);
    }

    /** What follows the entry point's path in the message's path, without a leading slash. */
    static String remainder(String key, String path) {
        String rest = path.substring(Math.min(path.length(), pathOf(key).length()));
        return rest.startsWith("/") ? rest.substring(1) : rest;
    }

    /**
     * The destination URL: a string, or an object with {@code url}, or with {@code protocol}, {@code host},
     * {@code port} and {@code pathPrefix}; the rest of the message's path is appended after a slash.
     */
    static String destination(JsonNode destination, String rest) {
        String base;
        if (destination.isString()) {
            base = destination.asString();
        } else if (destination.path("url").isString()) {
            base = destination.path("url").asString();
        } else if (destination.path("host").isString()) {
            String protocol = destination.path("protocol").asString("https").toLowerCase(Locale.ROOT);
            base = protocol + "://" + destination.path("host").asString()
                    + (destination.path("port").isMissingNode() ? "" : ":" + destination.path("port").asString())
                    + destination.path("pathPrefix").asString("");
        } else {
            return null;
        }
        if (rest.isEmpty()) {
            return base;
        }
        return (base.endsWith("/") ? base : base + "/") + rest;
    }

    private static Optional<String> psk(JsonNode psk, Function<String, Optional<String>> preSharedKey) {
        if (psk.isString()) {
            return Optional.of(psk.asString());
        }
        String credentialsId = psk.path("$credentialsId").asString("");
        return credentialsId.isEmpty() ? Optional.empty() : preSharedKey.apply(credentialsId);
    }

    /** {@code customHeaders}: {@code {name: {action: append|replace|delete, headerKey, headerValue}}}. */
    private static void customHeaders(JsonNode custom, Map<String, String> headers) {
        if (!custom.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : custom.properties()) {
            JsonNode h = e.getValue();
            String name = h.path("headerKey").asString(e.getKey()).toLowerCase(Locale.ROOT);
            String value = h.path("headerValue").asString("");
            switch (h.path("action").asString("append").toLowerCase(Locale.ROOT)) {
                case "delete" -> headers.remove(name);
                case "replace" -> headers.put(name, value);
                default -> headers.merge(name, value, (a, b) -> a + "," + b);
            }
        }
    }

    private static String contentTypeOf(BeamMessage message) {
        return message.contentType() == null ? "application/octet-stream" : message.contentType();
    }
}
