package dev.soracommock.esim;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.List;

/** Helpers for the eSIM Commerce tests: the envelope and ICCID checks. */
final class EsimApi {

    static final String BASE = "/esim-commerce/v1";

    private EsimApi() {
    }

    /** The NestJS error envelope with this status; returns the response for further checks. */
    static Response assertEnvelope(Response r, int status, String error) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.<Integer>path("statusCode")).isEqualTo(status);
        assertThat(r.<String>path("error")).isEqualTo(error);
        assertThat(r.jsonPath().getMap("$")).containsOnlyKeys("statusCode", "message", "error");
        return r;
    }

    /** A validation error: 400 with {@code message} a list, one of whose entries contains the text. */
    static void assertValidation(Response r, String contains) {
        assertEnvelope(r, 400, "Bad Request");
        List<String> messages = r.jsonPath().getList("message");
        assertThat(messages).as(r.asString()).isNotEmpty().anySatisfy(m -> assertThat(m).containsIgnoringCase(contains));
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /** Flips the check digit: same shape, Luhn-invalid. */
    static String withWrongCheckDigit(String iccid) {
        char last = iccid.charAt(18);
        return iccid.substring(0, 18) + (char) ('0' + (last - '0' + 1) % 10);
    }
}
