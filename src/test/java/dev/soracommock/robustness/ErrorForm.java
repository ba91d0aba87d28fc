package dev.soracommock.robustness;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every answer must be, whatever the request: never 5xx, and an error (4xx) in the form of the API the path
 * belongs to: Soracom's {@code {"code","message"}}, or under {@code /esim-commerce/} the NestJS envelope
 * {@code {"statusCode","message","error"}} (message a string, or a list of strings for validation errors).
 */
final class ErrorForm {

    private ErrorForm() {
    }

    /** What is wrong with the answer, or {@code null} when it is acceptable. */
    static String problem(RawHttp.Call call, RawHttp.Answer answer, JsonMapper json) {
        if (answer.status() >= 500) {
            return "answered " + answer.status() + " " + shorten(answer.text());
        }
        if (answer.status() < 400 || call.method().equals("HEAD")) {
            return null; // an answer to HEAD has no body
        }
        if (!answer.contentType().startsWith("application/json")) {
            return "error " + answer.status() + " with Content-Type '" + answer.contentType() + "': " + shorten(answer.text());
        }
        JsonNode body;
        try {
            body = answer.json(json);
        } catch (RuntimeException e) {
            return "error " + answer.status() + " whose body is not JSON: " + shorten(answer.text());
        }
        List<String> wrong = new ArrayList<>();
        if (body == null || !body.isObject()) {
            wrong.add("not an object");
        } else if (call.pathAndQuery().startsWith("/esim-commerce/")) {
            if (!body.path("statusCode").isInt() || body.path("statusCode").asInt() != answer.status()) {
                wrong.add("statusCode is not " + answer.status());
            }
            JsonNode message = body.path("message");
            boolean text = message.isString() && !message.asString().isBlank();
            boolean list = message.isArray() && !message.isEmpty() && allText(message);
            if (!text && !list) {
                wrong.add("message is neither a string nor a list of strings");
            }
            if (!body.path("error").isString()) {
                wrong.add("error is not a string");
            }
            if (!Set.of("statusCode", "message", "error").containsAll(body.propertyNames())) {
                wrong.add("other fields than statusCode, message, error");
            }
        } else {
            if (!body.path("code").isString() || body.path("code").asString().isBlank()) {
                wrong.add("code is not a non-blank string");
            }
            if (!body.path("message").isString() || body.path("message").asString().isBlank()) {
                wrong.add("message is not a non-blank string");
            }
            if (!Set.of("code", "message").containsAll(body.propertyNames())) {
                wrong.add("other fields than code and message");
            }
        }
        return wrong.isEmpty() ? null : "error " + answer.status() + " not in the API's form (" + String.join(", ", wrong)
                + "): " + shorten(answer.text());
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isString()) {
                return false;
            }
        }
        return true;
    }

    static String shorten(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}
