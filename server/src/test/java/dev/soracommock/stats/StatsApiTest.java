package dev.soracommock.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.clock.MockClock;
import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Stats over HTTP: sandbox inserts, bucketed reads, range limits, aggregation, isolation, exports, the simulator. */
class StatsApiTest extends ApiTest {

    static final long NOW = Instant.parse("2026-06-15T12:00:00Z").getEpochSecond();
    static final long DAY_14 = Instant.parse("2026-06-14T00:00:00Z").getEpochSecond();
    static final long JUNE_1 = Instant.parse("2026-06-01T00:00:00Z").getEpochSecond();

    @Autowired
    MockClock clock;

    @BeforeEach
    void freeze() {
        clock.freeze();
        clock.set(Instant.ofEpochSecond(NOW));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Response insertAir(Operator op, String imsi, long t, String speedClass, long up, long down) {
        return as(op).contentType(ContentType.JSON)
                .body(Map.of("unixtime", t, "dataTrafficStatsMap", Map.of(speedClass, Map.of("uploadByteSizeTotal", up,
                        "downloadByteSizeTotal", down, "uploadPacketSizeTotal", 1, "downloadPacketSizeTotal", 2))))
                .post("/v1/sandbox/stats/air/subscribers/" + imsi);
    }

    private Response air(Operator op, String path, long from, long to, String period) {
        return as(op).queryParam("from", from).queryParam("to", to).queryParam("period", period).get("/v1/stats/air/" + path);
    }

    @Test
    void dayBucketsSplitAtMidnightAndSumPerSpeedClass() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        insertAir(op, imsi, DAY_14 + 86399, "s1.fast", 100, 200).then().statusCode(200);
        insertAir(op, imsi, DAY_14 + 86400, "s1.fast", 10, 20).then().statusCode(200);
        insertAir(op, imsi, DAY_14 + 86400 + 60, "s1.fast", 1, 2).then().statusCode(200);
        insertAir(op, imsi, DAY_14 + 86400 + 120, "s1.slow", 5, 5).then().statusCode(200);

        Response r = air(op, "subscribers/" + imsi, DAY_14, NOW, "day");
        r.then().statusCode(200);
        assertThat(r.<List<String>>path("date")).containsExactly("20260614", "20260615");
        assertThat(r.<List<Integer>>path("unixtime")).containsExactly((int) DAY_14, (int) (DAY_14 + 86400));
        assertThat(r.<Integer>path("[0].dataTrafficStatsMap.'s1.fast'.uploadByteSizeTotal")).isEqualTo(100);
        assertThat(r.<Integer>path("[1].dataTrafficStatsMap.'s1.fast'.uploadByteSizeTotal")).isEqualTo(11);
        assertThat(r.<Integer>path("[1].dataTrafficStatsMap.'s1.fast'.downloadByteSizeTotal")).isEqualTo(22);
        assertThat(r.<Integer>path("[1].dataTrafficStatsMap.'s1.slow'.uploadByteSizeTotal")).isEqualTo(5);
    }

    @Test
    void minuteAndMonthBucketBoundaries() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        long five = NOW - 3600; // 11:00:00, a 5-minute boundary
        insertAir(op, imsi, five - 1, "s1.standard", 1, 1).then().statusCode(200);
        insertAir(op, imsi, five, "s1.standard", 2, 2).then().statusCode(200);
        insertAir(op, imsi, five + 299, "s1.standard", 4, 4).then().statusCode(200);
        Response m = air(op, "subscribers/" + imsi, five - 600, NOW, "minutes");
        m.then().statusCode(200);
        assertThat(m.<List<String>>path("date")).containsExactly("202606151055", "202606151100");
        assertThat(m.<List<Integer>>path("unixtime")).containsExactly((int) (five - 300), (int) five);
        assertThat(m.<Integer>path("[1].dataTrafficStatsMap.'s1.standard'.uploadByteSizeTotal")).isEqualTo(6);

        insertAir(op, imsi, JUNE_1 - 1, "s1.standard", 7, 7).then().statusCode(200);
        insertAir(op, imsi, JUNE_1 * 1000, "s1.standard", 8, 8).then().statusCode(200); // milliseconds accepted
        Response month = air(op, "subscribers/" + imsi, JUNE_1 - 86400, NOW, "month");
        assertThat(month.<List<String>>path("date")).containsExactly("202605", "202606");
        assertThat(month.<Integer>path("[0].dataTrafficStatsMap.'s1.standard'.uploadByteSizeTotal")).isEqualTo(7);
        assertThat(month.<Integer>path("[1].dataTrafficStatsMap.'s1.standard'.uploadByteSizeTotal")).isEqualTo(1 + 2 + 4 + 8);
    }

    @Test
    void sameTimestampTwiceIsRefusedAndChangesNothing() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        insertAir(op, imsi, NOW - 100, "s1.fast", 100, 100).then().statusCode(200);
        Response dup = insertAir(op, imsi, NOW - 100, "s1.fast", 999, 999);
        assertThat(dup.statusCode()).isEqualTo(400);
        assertThat(dup.asString()).contains("Data with the same timestamp already exists.");
        Response r = air(op, "subscribers/" + imsi, NOW - 86400, NOW, "day");
        assertThat(r.<Integer>path("[0].dataTrafficStatsMap.'s1.fast'.uploadByteSizeTotal")).isEqualTo(100);
        assertThat(insertAir(op, imsi, NOW - 50, "s9.bogus", 1, 1).statusCode()).isEqualTo(400);
        assertThat(insertAir(op, imsi, NOW - 50, "s1.fast", -1, 1).statusCode()).isEqualTo(400);
    }

    @Test
    void rangeLimitsFollowTheClock() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        assertThat(air(op, "subscribers/" + imsi, NOW - 33L * 86400, NOW, "minutes").statusCode()).isEqualTo(400);
        assertThat(air(op, "subscribers/" + imsi, NOW - 31L * 86400, NOW, "minutes").statusCode()).isEqualTo(200);
        assertThat(air(op, "subscribers/" + imsi, NOW - 20L * 31 * 86400, NOW, "month").statusCode()).isEqualTo(400);
        assertThat(air(op, "subscribers/" + imsi, NOW - 6L * 31 * 86400, NOW, "month").statusCode()).isEqualTo(200);
        assertThat(air(op, "subscribers/" + imsi, NOW, NOW - 10, "day").statusCode()).isEqualTo(400);
        assertThat(air(op, "subscribers/" + imsi, NOW - 86400, NOW, "day").<List<?>>path("$")).isEmpty();
    }

    @Test
    void groupAndOperatorAggregationAndIsolation() {
        Operator op = newOperator();
        String a = registeredSim(op);
        String b = registeredSim(op);
        insertAir(op, a, NOW - 3000, "s1.fast", 100, 1000).then().statusCode(200);
        insertAir(op, b, NOW - 3000, "s1.slow", 10, 20).then().statusCode(200);
        String groupId = as(op).contentType(ContentType.JSON).body(Map.of("tags", Map.of("name", "g"))).post("/v1/groups")
                .path("groupId");
        assertThat(air(op, "groups/" + groupId, NOW - 86400, NOW, "day").<List<?>>path("$")).isEmpty();
        as(op).contentType(ContentType.JSON).body(Map.of("groupId", groupId)).post("/v1/subscribers/" + a + "/set_group")
                .then().statusCode(200);
        Response g = air(op, "groups/" + groupId, NOW - 86400, NOW, "day");
        assertThat(g.<List<Integer>>path("uploadByteSizeTotal")).containsExactly(100);
        Response o = air(op, "operators/" + op.operatorId(), NOW - 86400, NOW, "day");
        assertThat(o.<List<Integer>>path("uploadByteSizeTotal")).containsExactly(110);
        assertThat(o.<List<Integer>>path("downloadByteSizeTotal")).containsExactly(1020);
        assertThat(air(op, "sims/" + a, NOW - 86400, NOW, "day").<Integer>path("[0].dataTrafficStatsMap.'s1.fast'.downloadByteSizeTotal"))
                .isEqualTo(1000);

        Operator other = newOperator();
        assertThat(insertAir(other, a, NOW - 10, "s1.fast", 1, 1).statusCode()).isEqualTo(404);
        assertThat(air(other, "subscribers/" + a, NOW - 86400, NOW, "day").statusCode()).isEqualTo(404);
        assertThat(air(other, "groups/" + groupId, NOW - 86400, NOW, "day").statusCode()).isEqualTo(404);
        assertThat(air(other, "operators/" + other.operatorId(), NOW - 86400, NOW, "day").<List<?>>path("$")).isEmpty();
        assertThat(insertAir(op, "001019999999999", NOW - 10, "s1.fast", 1, 1).statusCode()).isEqualTo(404);
    }

    @Test
    void beamInsertsAndExportsAreDownloadable() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        as(op).contentType(ContentType.JSON)
                .body(Map.of("unixtime", NOW - 100, "beamStatsMap", Map.of("inHttp", Map.of("count", 3))))
                .post("/v1/sandbox/stats/beam/subscribers/" + imsi).then().statusCode(200);
        Response beam = as(op).queryParam("from", NOW - 86400).queryParam("to", NOW).queryParam("period", "day")
                .get("/v1/stats/beam/subscribers/" + imsi);
        assertThat(beam.<Integer>path("[0].beamStatsMap.inHttp.count")).isEqualTo(3);
        insertAir(op, imsi, NOW - 100, "s1.fast", 123, 456).then().statusCode(200);

        Response e = as(op).contentType(ContentType.JSON).body(Map.of("from", NOW - 86400, "to", NOW, "period", "day"))
                .post("/v1/stats/air/operators/" + op.operatorId() + "/export");
        e.then().statusCode(200);
        String url = e.path("url");
        String csv = api().get(url.substring(url.indexOf("/_mock/"))).then().statusCode(200).extract().asString();
        assertThat(csv).startsWith("date,unixtime,imsi,speedClass").contains(imsi + ",s1.fast,123,456");

        Response async = as(op).contentType(ContentType.JSON).queryParam("export_mode", "async")
                .body(Map.of("from", NOW - 86400, "to", NOW, "period", "day"))
                .post("/v1/stats/beam/operators/" + op.operatorId() + "/export");
        assertThat(async.<String>path("exportedFileId")).startsWith("fe_");
        String beamUrl = async.path("url");
        assertThat(api().get(beamUrl.substring(beamUrl.indexOf("/_mock/"))).asString()).contains(imsi + ",inHttp,3");
        assertThat(api().get("/_mock/exports/fe_nope.csv").statusCode()).isEqualTo(404);
        assertThat(as(op).queryParam("from", NOW - 86400).queryParam("to", NOW).queryParam("period", "day")
                .get("/v1/stats/funk/subscribers/" + imsi).<List<?>>path("$")).isEmpty();
    }

    @Test
    void trafficSimulatorSpreadsBytesOverFiveMinuteBuckets() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        Response sim = api().contentType(ContentType.JSON).body(Map.of("speedClass", "s1.4xfast", "uploadBytes", 1200,
                "downloadBytes", 12001, "from", NOW - 3600, "to", NOW, "beam", Map.of("outHttps", 24)))
                .post("/_mock/sims/" + imsi + "/traffic");
        sim.then().statusCode(200);
        assertThat(sim.<Integer>path("buckets")).isEqualTo(12);
        Response m = air(op, "subscribers/" + imsi, NOW - 3600, NOW - 1, "minutes");
        assertThat(m.<List<?>>path("$")).hasSize(12);
        assertThat(m.<Integer>path("[0].dataTrafficStatsMap.'s1.4xfast'.uploadByteSizeTotal")).isEqualTo(100);
        Response d = air(op, "subscribers/" + imsi, NOW - 3600, NOW, "day");
        assertThat(d.<Integer>path("[0].dataTrafficStatsMap.'s1.4xfast'.downloadByteSizeTotal")).isEqualTo(12001);
        Response beam = as(op).queryParam("from", NOW - 86400).queryParam("to", NOW).queryParam("period", "day")
                .get("/v1/stats/beam/subscribers/" + imsi);
        assertThat(beam.<Integer>path("[0].beamStatsMap.outHttps.count")).isEqualTo(24);
        assertThat(api().contentType(ContentType.JSON).body(Map.of("speedClass", "bogus")).post("/_mock/sims/" + imsi + "/traffic")
                .statusCode()).isEqualTo(400);
        assertThat(api().contentType(ContentType.JSON).body(Map.of()).post("/_mock/sims/nope/traffic").statusCode()).isEqualTo(404);
    }
}
