package dev.soracommock.esim;

import static dev.soracommock.esim.EsimApi.BASE;
import static dev.soracommock.esim.EsimApi.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.clock.MockClock;
import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One eSIM from order to expiry: order → profile download → install → first connection → daily usage → the clock
 * past expiresOn → TERMINATED, with the device steps driven through {@code /_mock/esim/…} and the dates in Japan
 * time. The clock is frozen at a UTC evening that is already the next day in Japan.
 */
class EsimLifecycleTest extends ApiTest {

    private static final String MOCK = "/_mock/esim/esims/";

    @Autowired
    MockClock clock;

    private final String key = "life-" + UUID.randomUUID();

    @BeforeEach
    void freezeClock() {
        clock.freeze();
        clock.set(Instant.parse("2026-03-10T14:30:00Z")); // 23:30 on 10 March in Japan
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Response get(String iccid) {
        Response r = api().header("X-API-Key", key).get(BASE + "/esims/" + iccid);
        r.then().statusCode(200);
        return r;
    }

    private Response device(String iccid, String step, Object body) {
        var request = api().contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.post(MOCK + iccid + "/" + step);
    }

    @Test
    void fromOrderToExpiry() {
        // order: plan KD0001 is valid for 7 days from first use
        Response ordered = api().header("X-API-Key", key).contentType(ContentType.JSON)
                .body(Map.of("planCode", "KD0001", "quantity", 1)).post(BASE + "/esims");
        ordered.then().statusCode(201);
        String iccid = ordered.path("esims[0].iccid");
        assertThat(ordered.<String>path("esims[0].lastUpdatedAt")).isEqualTo("2026-03-10T14:30:00.000Z");
        assertThat(ordered.<String>path("esims[0].activationDeadline")).isEqualTo("2026-09-06T14:30:00.000Z");

        // steps out of order are refused
        assertThat(device(iccid, "install", Map.of("imei", "356938035643809")).statusCode()).isEqualTo(409);
        assertThat(device(iccid, "connect", null).statusCode()).isEqualTo(409);

        // profile downloaded
        clock.advance(Duration.ofMillis(1234));
        Response downloaded = device(iccid, "download", null);
        downloaded.then().statusCode(200);
        assertThat(downloaded.<String>path("downloadedAt")).isEqualTo("2026-03-10T14:30:01.234Z");
        assertThat(downloaded.<String>path("profileProvisionStatus")).isEqualTo("DOWNLOADED");
        assertThat(downloaded.<String>path("profileInstallStatus")).isEqualTo("DOWNLOADED");
        assertThat(device(iccid, "download", null).statusCode()).isEqualTo(409);

        // installed on a device
        clock.advance(Duration.ofMinutes(10));
        assertThat(device(iccid, "install", Map.of("imei", "12345")).statusCode()).isEqualTo(400);
        Response installed = device(iccid, "install", Map.of("imei", "356938035643809"));
        installed.then().statusCode(200);
        assertThat(installed.<String>path("profileInstallStatus")).isEqualTo("INSTALLED");
        assertThat(installed.<String>path("initialInsertionDevice")).isEqualTo("356938035643809");
        assertThat(installed.<String>path("initialInsertionAt")).isEqualTo("2026-03-10T14:40:01.234Z");
        assertThat(installed.<String>path("activatedOn")).isNull();

        // first connection at 00:20 on 11 March in Japan (still 10 March in UTC)
        clock.advance(Duration.ofMinutes(40));
        Response connected = device(iccid, "connect", Map.of("imei", "356938035643810"));
        connected.then().statusCode(200);
        assertThat(connected.<String>path("activatedOn")).isEqualTo("2026-03-11");
        assertThat(connected.<String>path("expiresOn")).isEqualTo("2026-03-17");
        assertThat(connected.<String>path("initialConnectionDevice")).isEqualTo("356938035643810");
        assertThat(connected.<String>path("contractStatus")).isEqualTo("ACTIVE");
        // a second connection changes nothing
        device(iccid, "connect", null).then().statusCode(200);
        assertThat(get(iccid).<String>path("activatedOn")).isEqualTo("2026-03-11");

        // daily usage, added up per day
        device(iccid, "usage", Map.of("usage", 1024)).then().statusCode(200);
        device(iccid, "usage", Map.of("usage", "2048")).then().statusCode(200);
        Response used = device(iccid, "usage", Map.of("usage", 512, "day", "2026-03-12"));
        used.then().statusCode(200);
        assertThat(used.<List<String>>path("dataUsageDailyList.day")).containsExactly("2026-03-11", "2026-03-12");
        assertThat(used.<List<String>>path("dataUsageDailyList.usage")).containsExactly("3072", "512");
        assertThat(used.<Integer>path("totalDataUsage")).isEqualTo(3584);
        assertThat(device(iccid, "usage", Map.of("usage", -1)).statusCode()).isEqualTo(400);

        // the last moment of 17 March in Japan: still active
        clock.set(Instant.parse("2026-03-17T14:59:59Z"));
        Response lastDay = get(iccid);
        assertThat(lastDay.<String>path("contractStatus")).isEqualTo("ACTIVE");
        assertThat(lastDay.<String>path("terminatedOn")).isNull();

        // past expiresOn: terminated the following day, read lazily
        clock.advance(Duration.ofSeconds(1));
        Response expired = get(iccid);
        assertThat(expired.<String>path("contractStatus")).isEqualTo("TERMINATED");
        assertThat(expired.<String>path("terminatedOn")).isEqualTo("2026-03-18");
        assertThat(expired.<String>path("expiresOn")).isEqualTo("2026-03-17");
        assertThat(expired.<Integer>path("totalDataUsage")).isEqualTo(3584);

        // nothing more happens to a terminated eSIM
        Response suspend = api().header("X-API-Key", key).contentType(ContentType.JSON).body(Map.of("action", "suspend"))
                .post(BASE + "/esims/" + iccid + "/emergency-control");
        assertEnvelope(suspend, 409, "Conflict");
        assertThat(suspend.<String>path("message")).contains("TERMINATED");
        assertThat(device(iccid, "usage", Map.of("usage", 1)).statusCode()).isEqualTo(409);
        assertThat(get(iccid).<String>path("contractStatus")).isEqualTo("TERMINATED");
    }

    @Test
    void theControlApiAnswersUnknownAndMalformedIccids() {
        Response unknown = device("8900000000000000003", "download", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.<String>path("code")).isEqualTo("ESM0004");
        assertThat(device("123", "download", null).statusCode()).isEqualTo(400);
    }
}
