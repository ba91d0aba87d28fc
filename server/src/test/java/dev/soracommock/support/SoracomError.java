package dev.soracommock.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.Map;

/** Assertions on Soracom's error form: a JSON body {@code {"code","message"}} and nothing else. */
public final class SoracomError {

    private SoracomError() {
    }

    /**
     * Asserts the response is an error with this status and code, in Soracom's form, and returns its message.
     */
    public static String assertError(Response r, int status, String code) {
        String body = r.asString();
        assertThat(r.statusCode()).as("status of %s", body).isEqualTo(status);
        assertThat(r.contentType()).as("Content-Type of %s", body).startsWith("application/json");
        Map<String, Object> json = r.jsonPath().getMap("$");
        assertThat(json).as("error body").containsOnlyKeys("code", "message");
        assertThat(json.get("code")).as("code of %s", body).isEqualTo(code);
        assertThat(json.get("message")).as("message of %s", body).isInstanceOf(String.class);
        String message = (String) json.get("message");
        assertThat(message).as("message").isNotBlank();
        return message;
    }
}
