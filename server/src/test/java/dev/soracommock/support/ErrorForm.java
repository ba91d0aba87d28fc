package dev.soracommock.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every error answer must look like, whatever the request: never 5xx, and a 4xx in the form of the API the path
 * belongs to: Soracom's {@code {"code","message"}} (soracom-facts §5), or under {@code /esim-commerce/} the NestJS
 * envelope {@code {"statusCode","message","error"}} (message a string, or a list of strings for validation errors).
 */
public final class ErrorForm {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorForm() {
    }

    /** What is wrong with the answer, or {@code null} when it is acceptable (any 1xx–3xx, a 4xx in the API's form). */
    public static String problem(String method, String path, int status, String contentType, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (status >= 500) {
            return "answered " + status + " " + shorten(text);
        }
        if (status < 400 || method.equals("HEAD")) {
            return null; // an answer to HEAD has no body
        }
        if (contentType == null || !contentType.startsWith("application/json")) {
            return "error " + status + " with Content-Type '" + contentType + "': " + shorten(text);
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (RuntimeException e) {
            return "error " + status + " whose body is not JSON: " + shorten(text);
        }
        List<String> wrong = new ArrayList<>();
        if (json == null || !json.isObject()) {
            wrong.add("not an object");
        } else if (path.startsWith("/esim-commerce/")) {
            if (!json.path("statusCode").isInt() || json.path("statusCode").asInt() != status) {
                wrong.add("statusCode is not " + status);
            }
            JsonNode message = json.path("message");
            boolean oneText = message.isString() && !message.asString().isBlank();
            boolean list = message.isArray() && !message.isEmpty() && allText(message);
            if (!oneText && !list) {
                wrong.add("message is neither a string nor a list of strings");
            }
            if (!json.path("error").isString()) {
                wrong.add("error is not a string");
            }
            if (!Set.of("statusCode", "message", "error").containsAll(json.propertyNames())) {
                wrong.add("other fields than statusCode, message, error");
            }
        } else {
            if (!json.path("code").isString() || json.path("code").asString().isBlank()) {
                wrong.add("code is not a non-blank string");
            }
            if (!json.path("message").isString() || json.path("message").asString().isBlank()) {
                wrong.add("message is not a non-blank string");
            }
            if (!Set.of("code", "message").containsAll(json.propertyNames())) {
                wrong.add("other fields than code and message");
            }
        }
        return wrong.isEmpty() ? null : "error " + status + " not in the API's form (" + String.join(", ", wrong)
                + "): " + shorten(text);
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isString()) {
                return false;
            }
        }
        return true;
    }

    public static String shorten(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}
