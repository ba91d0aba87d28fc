package dev.soracommock.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The request leniency policy ({@link RequestLeniency}) as a client sees it: the handler gets the normalised request
 * (a clamped limit pages by the maximum, a numeric string is stored as the number), and what stays refused is
 * refused in the API's form. The client request shapes themselves are in fidelity/ClientRequestCorpusTest.
 */
class RequestLeniencyTest extends ApiTest {

    private static void assertError(Response r, int status, String code) {
        r.then().statusCode(status);
        assertThat(r.<String>path("code")).isEqualTo(code);
    }

    @Test
    void aLimitOverTheMaximumPagesByTheMaximum() {
        Operator op = newOperator();
        for (int i = 0; i < 101; i++) {
            registeredSim(op);
        }
        // the Ruby SDK's default: the handler pages by 100, the contract's maximum, and says so in the next link
        Response subscribers = as(op).get("/v1/subscribers?limit=1024");
        subscribers.then().statusCode(200);
        assertThat(subscribers.jsonPath().getList("imsi")).hasSize(100);
        assertThat(subscribers.header("x-soracom-next-key")).isNotBlank();
        assertThat(subscribers.header("Link")).contains("limit=100").doesNotContain("1024");

        Response next = as(op).queryParam("limit", 1024).queryParam("last_evaluated_key", subscribers.header("x-soracom-next-key"))
                .get("/v1/subscribers");
        assertThat(next.jsonPath().getList("imsi")).hasSize(1);
        assertThat(next.header("x-soracom-next-key")).isNull();

        Response sims = as(op).get("/v1/query/sims?limit=500");
        sims.then().statusCode(200);
        assertThat(sims.jsonPath().getList("simId")).hasSize(100);
        assertThat(sims.header("Link")).contains("limit=100");
    }

    @Test
    void aLimitThatIsNotAPageSizeStaysRefused() {
        Operator op = newOperator();
        assertError(as(op).get("/v1/subscribers?limit=0"), 400, "COM0008");
        assertError(as(op).get("/v1/sims?limit=0"), 400, "COM0008");
        assertError(as(op).get("/v1/query/sims?limit=-5"), 400, "COM0008");
        assertError(as(op).get("/v1/subscribers?limit=ten"), 400, "COM0008");
        // a default below 1 means "all": -1 is a value there
        as(op).get("/v1/devices?limit=-1").then().statusCode(200);
    }

    @Test
    void numericStringsAreNumbersWhereverTheContractExpectsOne() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        long unixtime = System.currentTimeMillis() / 1000 - 3600;
        // nested in a map of the body, and the top-level time
        as(op).contentType(ContentType.JSON).body("{\"unixtime\":\"" + unixtime + "\",\"dataTrafficStatsMap\":{\"s1.standard\":"
                + "{\"uploadByteSizeTotal\":\"1000\",\"uploadPacketSizeTotal\":\"10\",\"downloadByteSizeTotal\":\"2000\","
                + "\"downloadPacketSizeTotal\":\"20\"}}}")
                .post("/v1/sandbox/stats/air/subscribers/" + imsi).then().statusCode(200);
        Response stats = as(op).get("/v1/stats/air/subscribers/" + imsi + "?from=" + (unixtime - 86_400) + "&to="
                + (unixtime + 86_400) + "&period=day");
        stats.then().statusCode(200);
        assertThat(stats.jsonPath().getLong("[0].dataTrafficStatsMap.'s1.standard'.downloadByteSizeTotal")).isEqualTo(2000L);
    }

    @Test
    void wrongTypesOfKnownFieldsStayRefusedAndChangeNothing() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        String path = "/v1/subscribers/" + imsi + "/set_expiry_time";
        long at = System.currentTimeMillis() + 86_400_000L;
        assertError(as(op).contentType(ContentType.JSON).body("{\"expiryTime\":\"" + at + "x\"}").post(path), 400, "COM0008");
        assertError(as(op).contentType(ContentType.JSON).body("{\"expiryTime\":\"1.5\"}").post(path), 400, "COM0008");
        assertError(as(op).contentType(ContentType.JSON).body("{\"expiryTime\":true}").post(path), 400, "COM0008");
        assertError(as(op).contentType(ContentType.JSON).body("{\"expiryAction\":\"suspend\"}").post(path), 400, "COM0008");
        // a number where text is expected
        assertError(as(op).contentType(ContentType.JSON).body(Map.of("registrationSecret", 12345))
                .post("/v1/subscribers/" + imsi + "/register"), 400, "COM0008");
        // an enum value of another case where no client sends one
        assertError(as(op).get("/v1/subscribers?tag_name=a&tag_value=b&tag_value_match_mode=PREFIX"), 400, "COM0008");
        assertThat(as(op).get("/v1/subscribers/" + imsi).<Object>path("expiryTime")).isNull();
    }

    @Test
    void nullForAnOptionalFieldIsTakenAsAbsent() {
        Operator op = newOperator();
        // TagSet and GroupConfiguration are not nullable in the contract; the Go SDK sends null for unset pointers
        Response group = as(op).contentType(ContentType.JSON).body("{\"configuration\":null,\"tags\":null}").post("/v1/groups");
        group.then().statusCode(201);
        assertThat(group.<String>path("groupId")).isNotBlank();
        // a required field that is null is still missing
        assertError(as(op).contentType(ContentType.JSON).body("{\"registrationSecret\":null}")
                .post("/v1/subscribers/001010000000000/register"), 400, "COM0008");
    }

    @Test
    void unknownQueryParametersAreIgnoredAndTheCallersOperatorIdIsDropped() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        Response r = as(op).get("/v1/subscribers?foo=bar&operatorId=" + op.operatorId());
        r.then().statusCode(200);
        assertThat(r.jsonPath().getList("imsi")).containsExactly(imsi);
        as(op).get("/v1/groups?foo=bar").then().statusCode(200);
        // another operator's: refused, as getOperator refuses it, on any operation that takes credentials
        Operator other = newOperator();
        assertError(as(op).get("/v1/subscribers/" + imsi + "?operatorId=" + other.operatorId()), 400, "AUM0016");
        assertError(as(op).get("/v1/sims?operatorId=" + other.operatorId()), 400, "AUM0016");
    }

    @Test
    void typeFilterIsTheSpeedClassFilterOfListSubscribersAndListSims() {
        Operator op = newOperator();
        String standard = registeredSim(op);
        String fast = registeredSim(op);
        as(op).contentType(ContentType.JSON).body(Map.of("speedClass", "s1.fast"))
                .post("/v1/subscribers/" + fast + "/update_speed_class").then().statusCode(200);
        assertThat(as(op).get("/v1/subscribers?type_filter=s1.fast").jsonPath().getList("imsi")).containsExactly(fast);
        assertThat(as(op).get("/v1/subscribers?type_filter=s1.standard").jsonPath().getList("imsi")).containsExactly(standard);
        // both given: the contract's own name wins
        assertThat(as(op).get("/v1/subscribers?type_filter=s1.fast&speed_class_filter=s1.standard").jsonPath().getList("imsi"))
                .containsExactly(standard);
        // listSims has no speed-class filter in the contract; the clients send type_filter there too
        String fastSim = as(op).get("/v1/subscribers/" + fast).jsonPath().getString("simId");
        assertThat(as(op).get("/v1/sims?type_filter=s1.fast").jsonPath().getList("simId")).containsExactly(fastSim);
        assertThat(as(op).get("/v1/sims?type_filter=s1.standard|s1.fast").jsonPath().getList("simId")).hasSize(2);
        assertThat(as(op).get("/v1/sims?type_filter=s1.4xfast").jsonPath().getList("simId")).isEmpty();
        assertThat(as(op).get("/v1/sims").jsonPath().getList("simId")).hasSize(2);
    }

    @Test
    void aMultiSegmentFilePathIsJournaledAsSentUnderItsOperation() throws Exception {
        Operator op = newOperator();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/files/private/a/b%20c/d.txt"))
                .header("X-Soracom-API-Key", op.apiKey()).header("X-Soracom-Token", op.token())
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.headers().firstValue("X-Soracom-Mock-Fallback")).isEmpty();
        HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/files/public//"))
                .header("X-Soracom-API-Key", op.apiKey()).header("X-Soracom-Token", op.token()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.body()).isEqualTo("[]"); // the public scope, where nothing is written
        assertThat(root.headers().firstValue("X-Soracom-Mock-Fallback")).isEmpty();

        List<Map<String, Object>> entries = api().queryParam("operatorId", op.operatorId()).queryParam("path", "/v1/files/")
                .get("/_mock/requests").jsonPath().getList("$");
        assertThat(entries).extracting(e -> e.get("path") + " " + e.get("operationId"))
                .contains("/v1/files/private/a/b%20c/d.txt putFile", "/v1/files/public// listFiles");
    }
}
