package dev.soracommock.esim;

import static dev.soracommock.esim.EsimApi.BASE;
import static dev.soracommock.esim.EsimApi.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.clock.MockClock;
import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * eSIM Commerce rate limits: per API key and per operation, one-minute windows of the emulator's clock, the three
 * {@code X-RateLimit-*} headers on every answer of a limited operation, 429 with {@code Retry-After} past the limit.
 * Its own server with low limits (getEsim 3, orderEsims 2 a minute); the clock is frozen during each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"soracom-mock.esim.rate-limits.getEsim=3", "soracom-mock.esim.rate-limits.orderEsims=2"})
class EsimRateLimitTest extends ApiTest {

    private static final String LIMIT = "X-RateLimit-Limit";
    private static final String REMAINING = "X-RateLimit-Remaining";
    private static final String RESET = "X-RateLimit-Reset";

    @Autowired
    MockClock clock;

    private final String key = "rl-" + UUID.randomUUID();
    private final String otherKey = "rl-other-" + UUID.randomUUID();

    @BeforeEach
    void freezeClock() {
        clock.freeze();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static int header(Response r, String name) {
        String value = r.header(name);
        assertThat(value).as("header %s of %s %s", name, r.statusCode(), r.asString()).isNotNull();
        return Integer.parseInt(value);
    }

    private Response getEsim(String apiKey) {
        // an unknown ICCID: a 404 is an answer of a limited operation too
        return api().header("X-API-Key", apiKey).get(BASE + "/esims/8900000000000000003");
    }

    @Test
    void everyAnswerCarriesTheThreeHeaders() {
        Response first = getEsim(key);
        Response second = getEsim(key);
        assertThat(first.statusCode()).isEqualTo(404);
        assertThat(header(first, LIMIT)).isEqualTo(3);
        assertThat(header(first, REMAINING)).isEqualTo(2);
        assertThat(header(second, REMAINING)).isEqualTo(1);
        assertThat(header(first, RESET)).isBetween(1, 60);

        Response ordered = api().header("X-API-Key", key).contentType(ContentType.JSON)
                .body(Map.of("planCode", "KD0001", "quantity", 1)).post(BASE + "/esims");
        assertThat(ordered.statusCode()).isEqualTo(201);
        assertThat(header(ordered, LIMIT)).isEqualTo(2);
        assertThat(header(ordered, REMAINING)).isEqualTo(1);

        // the documented defaults for the operations this server does not override
        Response tx = api().header("X-API-Key", key).get(BASE + "/transactions/" + UUID.randomUUID());
        assertThat(header(tx, LIMIT)).isEqualTo(10);
    }

    @Test
    void listDataPlansIsNotLimited() {
        Response r = api().header("X-API-Key", key).get(BASE + "/data-plans");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.header(LIMIT)).isNull();
    }

    @Test
    void pastTheLimitIs429WithRetryAfterUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertThat(getEsim(key).statusCode()).isEqualTo(404);
        }
        Response refused = getEsim(key);
        assertEnvelope(refused, 429, "Too Many Requests");
        assertThat(refused.<String>path("message")).isEqualTo("ThrottlerException: Too Many Requests");
        assertThat(header(refused, LIMIT)).isEqualTo(3);
        assertThat(header(refused, REMAINING)).isZero();
        int retryAfter = header(refused, "Retry-After");
        assertThat(retryAfter).isEqualTo(header(refused, RESET)).isBetween(1, 60);

        clock.advance(Duration.ofSeconds(retryAfter - 1L));
        assertThat(getEsim(key).statusCode()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(1));
        Response again = getEsim(key);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(header(again, REMAINING)).isEqualTo(2);
        assertThat(header(again, RESET)).isEqualTo(60);
    }

    @Test
    void countedPerKeyAndPerOperation() {
        for (int i = 0; i < 3; i++) {
            getEsim(key);
        }
        assertThat(getEsim(key).statusCode()).isEqualTo(429);

        Response otherReseller = getEsim(otherKey);
        assertThat(otherReseller.statusCode()).isEqualTo(404);
        assertThat(header(otherReseller, REMAINING)).isEqualTo(2);

        Response otherOperation = api().header("X-API-Key", key).get(BASE + "/transactions/" + UUID.randomUUID());
        assertThat(otherOperation.statusCode()).isEqualTo(404);
        assertThat(header(otherOperation, REMAINING)).isEqualTo(9);
    }
}
