package dev.soracommock.pipeline;

import static dev.soracommock.support.SoracomError.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.clock.MockClock;
import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Rate limits as the real API announces them: {@code X-Soracom-Ratelimit-*} on every answer, counted per operator
 * and operation in one-minute windows (per caller IP for {@code /auth}), 429 COM0007 past the limit. This class
 * runs its own server with {@code getOperator} limited to 3 calls a minute; the emulator's clock is frozen during
 * each test so that no window boundary falls inside one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "soracom-mock.rate-limit.operations.getOperator=3")
class RateLimitTest extends ApiTest {

    private static final String LIMIT = "X-Soracom-Ratelimit-Limit";
    private static final String REMAINING = "X-Soracom-Ratelimit-Remaining";
    private static final String REFRESH = "X-Soracom-Ratelimit-Seconds-Before-Refresh";

    @Autowired
    MockClock clock;

    @BeforeEach
    void freezeClock() {
        clock.freeze();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static int intHeader(Response r, String name) {
        String value = r.header(name);
        assertThat(value).as("header %s of %s %s", name, r.statusCode(), r.asString()).isNotNull();
        return Integer.parseInt(value);
    }

    private Response listAuthKeys(Operator op) {
        return as(op).get("/v1/operators/" + op.operatorId() + "/auth_keys");
    }

    private Response getOperator(Operator op) {
        return as(op).get("/v1/operators/" + op.operatorId());
    }

    private Response login(Operator op) {
        return api().contentType(ContentType.JSON).body(Map.of("email", op.email(), "password", op.password()))
                .post("/v1/auth");
    }

    @Test
    void everyAuthenticatedAnswerCarriesTheThreeHeadersWithADecreasingRemainder() {
        Operator op = newOperator();

        Response first = listAuthKeys(op);
        Response second = listAuthKeys(op);
        Response third = listAuthKeys(op);

        for (Response r : new Response[] {first, second, third}) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(intHeader(r, LIMIT)).isEqualTo(intHeader(first, LIMIT)).isPositive();
            assertThat(intHeader(r, REFRESH)).isBetween(0, 60);
        }
        assertThat(intHeader(first, REMAINING)).isEqualTo(intHeader(first, LIMIT) - 1);
        assertThat(intHeader(second, REMAINING)).isEqualTo(intHeader(first, REMAINING) - 1);
        assertThat(intHeader(third, REMAINING)).isEqualTo(intHeader(second, REMAINING) - 1);
    }

    @Test
    void writesCarryTheHeadersToo() {
        Operator op = newOperator();

        Response r = as(op).post("/v1/operators/" + op.operatorId() + "/auth_keys");

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(intHeader(r, REMAINING)).isEqualTo(intHeader(r, LIMIT) - 1);
        assertThat(intHeader(r, REFRESH)).isBetween(0, 60);
    }

    @Test
    void operationsAreCountedSeparately() {
        Operator op = newOperator();
        listAuthKeys(op);
        listAuthKeys(op);

        Response other = as(op).post("/v1/operators/" + op.operatorId() + "/auth_keys");

        assertThat(intHeader(other, REMAINING)).isEqualTo(intHeader(other, LIMIT) - 1);
    }

    @Test
    void operatorsAreCountedSeparately() {
        Operator a = newOperator();
        Operator b = newOperator();
        listAuthKeys(a);
        listAuthKeys(a);

        Response r = listAuthKeys(b);

        assertThat(intHeader(r, REMAINING)).isEqualTo(intHeader(r, LIMIT) - 1);
    }

    @Test
    void authIsCountedPerCallerIpNotPerOperator() {
        Operator a = newOperator();
        Operator b = newOperator();

        Response first = login(a);
        Response second = login(b);

        first.then().statusCode(200);
        second.then().statusCode(200);
        assertThat(intHeader(second, LIMIT)).isEqualTo(intHeader(first, LIMIT));
        // two different operators, one caller (this test's IP): one counter
        assertThat(intHeader(second, REMAINING)).isEqualTo(intHeader(first, REMAINING) - 1);
        assertThat(intHeader(second, REFRESH)).isBetween(0, 60);
    }

    @Test
    void aSandboxCreateWithoutCredentialsIsCountedPerCallerIpWithItsCredentialsPerOperator() {
        Operator op = newOperator();
        String create = "/v1/sandbox/subscribers/create";

        Response anonymous = api().contentType(ContentType.JSON).body(Map.of()).post(create);
        Response anonymousAgain = api().contentType(ContentType.JSON).body(Map.of()).post(create);
        Response authenticated = as(op).contentType(ContentType.JSON).body(Map.of()).post(create);

        assertThat(intHeader(anonymous, LIMIT)).isEqualTo(intHeader(login(op), LIMIT));
        assertThat(intHeader(anonymousAgain, REMAINING)).isEqualTo(intHeader(anonymous, REMAINING) - 1);
        assertThat(intHeader(authenticated, LIMIT)).isNotEqualTo(intHeader(anonymous, LIMIT));
        assertThat(intHeader(authenticated, REMAINING)).isEqualTo(intHeader(authenticated, LIMIT) - 1);
    }

    @Test
    void pastTheLimitTheAnswerIs429UntilTheWindowEnds() {
        Operator op = newOperator();
        for (int expectedRemaining = 2; expectedRemaining >= 0; expectedRemaining--) {
            Response ok = getOperator(op);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(intHeader(ok, LIMIT)).isEqualTo(3);
            assertThat(intHeader(ok, REMAINING)).isEqualTo(expectedRemaining);
        }

        Response limited = getOperator(op);

        assertError(limited, 429, "COM0007");
        assertThat(intHeader(limited, LIMIT)).isEqualTo(3);
        assertThat(intHeader(limited, REMAINING)).isZero();
        int refresh = intHeader(limited, REFRESH);
        assertThat(refresh).isBetween(0, 60);
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(0, 60).isEqualTo(refresh);
        // still limited on the next call of the same minute
        assertError(getOperator(op), 429, "COM0007");

        clock.advance(Duration.ofSeconds(60));

        Response again = getOperator(op);
        assertThat(again.statusCode()).as(again.asString()).isEqualTo(200);
        assertThat(intHeader(again, REMAINING)).isEqualTo(2);
    }

    @Test
    void aLimitedOperationLeavesTheOperatorsOtherOperationsAndOtherOperatorsAlone() {
        Operator op = newOperator();
        Operator other = newOperator();
        for (int i = 0; i < 3; i++) {
            getOperator(op).then().statusCode(200);
        }
        assertError(getOperator(op), 429, "COM0007");

        listAuthKeys(op).then().statusCode(200);
        as(op).post("/v1/operators/" + op.operatorId() + "/auth_keys").then().statusCode(201);
        Response otherOperator = getOperator(other);
        assertThat(otherOperator.statusCode()).isEqualTo(200);
        assertThat(intHeader(otherOperator, REMAINING)).isEqualTo(2);
    }

    @Test
    void aRefusedCallIsNotCountedAgainstTheNextWindow() {
        Operator op = newOperator();
        for (int i = 0; i < 5; i++) {
            getOperator(op);
        }

        clock.advance(Duration.ofMinutes(1));

        for (int expectedRemaining = 2; expectedRemaining >= 0; expectedRemaining--) {
            Response r = getOperator(op);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(intHeader(r, REMAINING)).isEqualTo(expectedRemaining);
        }
    }

    @Test
    void soraletTestRunsHaveOrbitsOwnLimitOfFiveAMinute() {
        Operator op = newOperator();
        Map<String, Object> body = Map.of("version", "1", "direction", "uplink", "contentType", "application/json",
                "payload", "{}", "source", Map.of("resourceType", "Subscriber", "resourceId", "001010000000001"));
        for (int i = 0; i < 5; i++) {
            Response r = as(op).contentType(ContentType.JSON).body(body).post("/v1/soralets/none/test");
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(404);
            assertThat(intHeader(r, LIMIT)).isEqualTo(5);
        }
        assertError(as(op).contentType(ContentType.JSON).body(body).post("/v1/soralets/none/test"), 429, "COM0007");
        // the other operations keep the general limit, and the next minute opens a new window
        assertThat(intHeader(listAuthKeys(op), LIMIT)).isGreaterThan(5);
        clock.advance(Duration.ofSeconds(60));
        assertThat(as(op).contentType(ContentType.JSON).body(body).post("/v1/soralets/none/test").statusCode())
                .isEqualTo(404);
    }
}
