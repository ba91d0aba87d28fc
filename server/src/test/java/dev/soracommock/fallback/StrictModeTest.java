package dev.soracommock.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** With {@code SORACOM_MOCK_STRICT=true}, operations no domain implements answer 501 MCK0001 naming themselves. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "soracom-mock.strict=true")
class StrictModeTest extends ApiTest {

    @Test
    void anOperationWithoutImplementationAnswers501NamingIt() {
        Operator op = newOperator();
        Response r = as(op).get("/v1/sora_cam/devices");
        assertThat(r.statusCode()).isEqualTo(501);
        assertThat(r.<String>path("code")).isEqualTo("MCK0001");
        assertThat(r.<String>path("message")).contains("listSoraCamDevices");
        assertThat(r.header("X-Soracom-Mock-Fallback")).isNull();
    }

    @Test
    void japaneseMessageInStrictModeToo() {
        Operator op = newOperator();
        Response r = as(op).header("X-Soracom-Lang", "ja").get("/v1/sora_cam/devices");
        assertThat(r.statusCode()).isEqualTo(501);
        assertThat(r.<String>path("message")).contains("listSoraCamDevices").contains("実装されていません");
        assertThat(r.header("Content-Language")).isEqualTo("ja");
    }

    @Test
    void statefulOperationsAreUnaffected() {
        Operator op = newOperator();
        as(op).get("/v1/operators/" + op.operatorId()).then().statusCode(200);
    }

    @Test
    void credentialsAreStillCheckedFirst() {
        Response r = api().get("/v1/sora_cam/devices");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.<String>path("code")).isEqualTo("AUM0001");
    }
}
