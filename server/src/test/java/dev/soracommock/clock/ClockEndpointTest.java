package dev.soracommock.clock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The clock over HTTP, and a clock effect seen through the API: a token expires when the clock passes its TTL. */
class ClockEndpointTest extends ApiTest {

    @Autowired
    MockClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void setFreezeAndAdvance() {
        Response set = api().contentType(ContentType.JSON).body(Map.of("now", "2030-01-02T03:04:05Z", "frozen", true)).put("/_mock/clock");
        set.then().statusCode(200);
        assertThat(set.<String>path("now")).isEqualTo("2030-01-02T03:04:05Z");
        assertThat(set.<Boolean>path("frozen")).isTrue();
        Response advanced = api().contentType(ContentType.JSON).body(Map.of("seconds", 3600)).post("/_mock/clock/advance");
        assertThat(advanced.<String>path("now")).isEqualTo("2030-01-02T04:04:05Z");
        assertThat(api().get("/_mock/clock").jsonPath().getLong("epochMillis")).isEqualTo(1893557045000L);
        Response bad = api().contentType(ContentType.JSON).body(Map.of("now", "yesterday")).put("/_mock/clock");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.<String>path("code")).isEqualTo("COM0008");
        api().contentType(ContentType.JSON).body(Map.of("seconds", -1)).post("/_mock/clock/advance").then().statusCode(400);
    }

    @Test
    void tokensExpireWhenTheClockPassesTheirLifetime() {
        Operator op = newOperator();
        as(op).get("/v1/operators/" + op.operatorId()).then().statusCode(200);
        api().contentType(ContentType.JSON).body(Map.of("seconds", 86_400)).post("/_mock/clock/advance").then().statusCode(200);
        Response expired = as(op).get("/v1/operators/" + op.operatorId());
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.<String>path("code")).isEqualTo("AUM0007");
    }
}
