package dev.soracommock.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /_mock/reset}: everything users created is gone, the default operator is back. */
class ResetEndpointTest extends ApiTest {

    @Test
    void resetForgetsOperatorsSimsAndTokensAndKeepsTheDefaultOperator() {
        Operator op = newOperator();
        String imsi = as(op).contentType(ContentType.JSON).body(Map.of()).post("/v1/sandbox/subscribers/create").path("imsi");
        as(op).contentType(ContentType.JSON).body(Map.of("tags", Map.of("name", "g"))).post("/v1/groups").then().statusCode(201);

        Response reset = api().post("/_mock/reset");
        reset.then().statusCode(200);
        assertThat(reset.<Integer>path("tables")).isGreaterThan(5);

        Response stale = as(op).get("/v1/groups");
        assertThat(stale.statusCode()).isEqualTo(401);
        api().contentType(ContentType.JSON).body(Map.of("email", op.email(), "password", op.password())).post("/v1/auth")
                .then().statusCode(401);
        Operator again = newOperatorWithEmail(op.email());
        assertThat(as(again).get("/v1/groups").<List<?>>path("$")).isEmpty();
        as(again).contentType(ContentType.JSON).body(Map.of("registrationSecret", "00000"))
                .post("/v1/subscribers/" + imsi + "/register").then().statusCode(404);
        api().contentType(ContentType.JSON)
                .body(Map.of("email", "operator@soracom-mock.test", "password", "soracom-mock-password")).post("/v1/auth")
                .then().statusCode(200);
    }

    private Operator newOperatorWithEmail(String email) {
        Response r = api().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "p@ssw0rd", "authKeyId", "keyId-test", "authKey", "secret-test"))
                .post("/v1/sandbox/init");
        r.then().statusCode(201);
        return new Operator(r.path("operatorId"), r.path("apiKey"), r.path("token"), email, "p@ssw0rd");
    }
}
