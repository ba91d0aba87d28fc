package dev.soracommock.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.contract.Operations;
import dev.soracommock.support.ApiTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/IMPLEMENTATION_COVERAGE.md must be what the code computes: the test fails when it is stale. Run with
 * {@code -Dcoverage.write=true} to rewrite it.
 */
class ImplementationCoverageTest extends ApiTest {

    // the module's directory is the tests' working directory
    private static final Path FILE = Path.of("..", "docs", "IMPLEMENTATION_COVERAGE.md");

    @Test
    void coverageFileIsFresh() throws IOException {
        String expected = new CoverageReport(new Operations()).markdown();
        if (Boolean.getBoolean("coverage.write")) {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(FILE)).as("docs/IMPLEMENTATION_COVERAGE.md exists").isTrue();
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("docs/IMPLEMENTATION_COVERAGE.md is stale: run ./mvnw -B test -Dtest=ImplementationCoverageTest -Dcoverage.write=true")
                .isEqualTo(expected);
    }

    @Test
    void everyOperationIsListedAndTheOperatorDomainIsStateful() {
        CoverageReport.Summary s = new CoverageReport(new Operations()).summary();
        assertThat(s.operations()).isEqualTo(498);
        assertThat(s.rows()).filteredOn(r -> r.operationId().equals("getOperator"))
                .singleElement().extracting(CoverageReport.Row::state).isEqualTo(CoverageReport.State.STATEFUL);
        assertThat(s.rows()).filteredOn(r -> r.operationId().equals("listSoraCamDevices"))
                .singleElement().extracting(CoverageReport.Row::state).isEqualTo(CoverageReport.State.FALLBACK);
        assertThat(s.rows()).filteredOn(r -> !r.contract().equals("esim"))
                .allSatisfy(r -> assertThat(r.cliCommand()).startsWith("soracom "));
        assertThat(s.rows()).filteredOn(r -> r.contract().equals("esim")).hasSize(6)
                .allSatisfy(r -> assertThat(r.state()).isEqualTo(CoverageReport.State.STATEFUL));
    }

    @Test
    void servedAsJson() {
        Response r = api().get("/_mock/coverage");
        r.then().statusCode(200);
        assertThat(r.<Integer>path("operations")).isEqualTo(498);
        assertThat(r.<Integer>path("stateful") + r.<Integer>path("fallback")).isEqualTo(498);
        assertThat(r.<String>path("rows.find { it.operationId == 'sandboxInitializeOperator' }.state")).isEqualTo("STATEFUL");
        assertThat(r.<String>path("rows.find { it.operationId == 'sandboxInitializeOperator' }.cliCommand"))
                .isEqualTo("soracom sandbox init");
    }
}
