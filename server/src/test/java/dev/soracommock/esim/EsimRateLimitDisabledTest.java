package dev.soracommock.esim;

import static dev.soracommock.esim.EsimApi.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** With {@code soracom-mock.esim.rate-limit-enabled=false} (load tests) nothing is counted and no header is sent. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"soracom-mock.esim.rate-limit-enabled=false", "soracom-mock.esim.rate-limits.getEsim=1"})
class EsimRateLimitDisabledTest extends ApiTest {

    @Test
    void nothingIsLimited() {
        for (int i = 0; i < 5; i++) {
            Response r = api().header("X-API-Key", "load-test").get(BASE + "/esims/8900000000000000003");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.header("X-RateLimit-Limit")).isNull();
        }
    }
}
