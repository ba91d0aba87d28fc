package dev.soracommock.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code SORACOM_MOCK_JSON_NULLS=emit}: every unset property is written as {@code null}, the raw look of the real
 * backend, for users who compare raw JSON. Such answers are not what the published contract allows (that is the
 * point), so the contract check is off for this class.
 */
@TestPropertySource(properties = {"soracom-mock.json-nulls=emit", "soracom-mock-test.contract-check=false"})
class JsonNullsEmitTest extends ApiTest {

    @Test
    void everyUnsetPropertyIsWrittenAsNull() {
        Operator op = newOperator();
        Response login = api().contentType(ContentType.JSON)
                .body(Map.of("email", op.email(), "password", op.password())).post("/v1/auth");
        assertThat(login.jsonPath().getMap("$")).containsEntry("userName", null);

        Response created = as(op).contentType(ContentType.JSON).body(Map.of()).post("/v1/sandbox/subscribers/create");
        String imsi = created.path("imsi");
        as(op).contentType(ContentType.JSON).body(Map.of("registrationSecret", created.path("registrationSecret")))
                .post("/v1/subscribers/" + imsi + "/register").then().statusCode(200);
        Map<String, Object> subscriber = as(op).get("/v1/subscribers/" + imsi).jsonPath().getMap("$");
        assertThat(subscriber).containsEntry("groupId", null).containsEntry("expiryTime", null)
                .containsEntry("imeiLock", null).containsEntry("previousSession", null).containsEntry("imsi", imsi);
        assertThat(as(op).get("/v1/subscribers/" + imsi).jsonPath().getMap("sessionStatus"))
                .containsEntry("online", false).containsEntry("imei", null);
    }
}
