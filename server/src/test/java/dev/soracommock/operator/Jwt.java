package dev.soracommock.operator;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads and rebuilds the parts of an API token (a JWT: header.payload.signature, each base64url) in tests. */
final class Jwt {

    private Jwt() {
    }

    static String[] parts(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new AssertionError("not a JWT (three dot-separated parts): " + token);
        }
        return parts;
    }

    /** The payload as soracom-cli reads it: base64url, padding optional. */
    static JsonPath payload(String token) {
        return JsonPath.from(decode(parts(token)[1]));
    }

    static JsonPath header(String token) {
        return JsonPath.from(decode(parts(token)[0]));
    }

    static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
