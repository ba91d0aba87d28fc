package dev.soracommock.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** GET /actuator/prometheus: metrics in Prometheus' text format, no credentials needed. */
class PrometheusTest extends ApiTest {

    @Test
    void servesRequestJvmAndConnectionPoolMetrics() {
        Operator op = newOperator();
        as(op).get("/v1/subscribers").then().statusCode(200);

        Response r = api().get("/actuator/prometheus");

        r.then().statusCode(200);
        assertThat(r.contentType()).startsWith("text/plain");
        String body = r.asString();
        assertThat(body).containsPattern("(?m)^http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*uri=\"/v1/sandbox/init\"[^}]*} [1-9]")
                .containsPattern("(?m)^http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/v1/subscribers\"[^}]*} [1-9]")
                .containsPattern("(?m)^jvm_memory_used_bytes\\{")
                .containsPattern("(?m)^hikaricp_connections\\{");
    }
}
