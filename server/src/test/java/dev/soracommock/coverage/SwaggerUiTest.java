package dev.soracommock.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Swagger UI shows the four contracts (the three APIs and the control API), served as files with a relative server. */
class SwaggerUiTest extends ApiTest {

    @Test
    void swaggerUiListsEveryContract() {
        api().get("/swagger-ui/index.html").then().statusCode(200);
        Response config = api().get("/v3/api-docs/swagger-config");
        config.then().statusCode(200);
        List<Map<String, String>> urls = config.path("urls");
        assertThat(urls).extracting(u -> u.get("url"))
                .containsExactly("/openapi/soracom-api.yaml", "/openapi/soracom-sandbox-api.yaml",
                        "/openapi/esim-commerce-sandbox-api.yaml", "/openapi/mock-admin.yaml");
    }

    @Test
    void theControlApiContractIsServedWithItsBasePath() {
        Response r = api().get("/openapi/mock-admin.yaml");
        r.then().statusCode(200);
        assertThat(r.contentType()).startsWith("application/yaml");
        assertThat(r.asString()).contains("- url: /_mock").contains("operationId: resetEmulator");
    }

    @Test
    void theEsimContractIsDownloadableWithItsServerAndApiKeyScheme() {
        for (String path : List.of("/openapi/esim-commerce-sandbox-api.yaml", "/esim-commerce/v1/openapi.yaml")) {
            Response r = api().get(path);
            r.then().statusCode(200);
            assertThat(r.contentType()).startsWith("application/yaml");
            assertThat(r.asString()).contains("- url: /esim-commerce/v1").contains("name: X-API-Key");
        }
    }

    @Test
    void contractsAreDownloadableWithRelativeServerAndAuthorizeSchemes() {
        for (String file : List.of("soracom-api.yaml", "soracom-sandbox-api.yaml")) {
            Response r = api().get("/openapi/" + file);
            r.then().statusCode(200);
            assertThat(r.contentType()).startsWith("application/yaml");
            String yaml = r.asString();
            assertThat(yaml).contains("- url: /v1").contains("name: X-Soracom-API-Key").contains("name: X-Soracom-Token")
                    .doesNotContain("https://api.soracom.io/v1");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationsSummarySaysItsCliCommandAndWhetherItIsStateful() {
        Map<String, Map<String, Object>> coverage = new java.util.HashMap<>();
        for (Map<String, Object> row : api().get("/_mock/coverage").jsonPath().<Map<String, Object>>getList("rows")) {
            coverage.put((String) row.get("operationId"), row);
        }
        int checked = 0;
        for (String file : List.of("soracom-api.yaml", "soracom-sandbox-api.yaml", "esim-commerce-sandbox-api.yaml")) {
            Map<String, Object> doc = new org.yaml.snakeyaml.Yaml().load(api().get("/openapi/" + file).asString());
            for (Object item : ((Map<String, Object>) doc.get("paths")).values()) {
                for (Map.Entry<String, Object> e : ((Map<String, Object>) item).entrySet()) {
                    if (!(e.getValue() instanceof Map<?, ?> op) || !op.containsKey("operationId")) {
                        continue;
                    }
                    Map<String, Object> row = coverage.get((String) op.get("operationId"));
                    String summary = (String) op.get("summary");
                    String state = row.get("state").equals("STATEFUL") ? "stateful" : "fallback (example answer)";
                    String cli = (String) row.get("cliCommand");
                    assertThat(summary).as("summary of %s in %s", op.get("operationId"), file)
                            .isEqualTo(cli.isEmpty() ? state : cli + " · " + state);
                    assertThat(op.get("description")).isEqualTo(((String) row.get("note")).isEmpty() ? null : row.get("note"));
                    if (op.get("x-soracom-cli") instanceof List<?> commands) {
                        assertThat(summary).startsWith("soracom " + commands.get(0));
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(coverage.size());
        assertThat(api().get("/openapi/soracom-api.yaml").asString()).contains("summary: soracom subscribers list · stateful")
                .contains("summary: soracom gadgets list · fallback (example answer)");
    }

    @Test
    void healthProbesAndInfo() {
        api().get("/actuator/health/liveness").then().statusCode(200);
        api().get("/actuator/health/readiness").then().statusCode(200);
        Response info = api().get("/actuator/info");
        assertThat(info.<String>path("app.version")).doesNotContain("@").isNotBlank();
        assertThat(info.<String>path("contracts.soracom-api")).isEqualTo("20260604-092803");
        assertThat(info.<String>path("contracts.esim-commerce-sandbox-api")).isEqualTo("1.0.0-soracom-mock");
    }
}
