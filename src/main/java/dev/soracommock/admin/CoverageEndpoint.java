package dev.soracommock.admin;

import dev.soracommock.coverage.CoverageReport;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /_mock/coverage}: which operations are stateful and which answer from the fallback. */
@RestController
class CoverageEndpoint {

    private final CoverageReport report;

    CoverageEndpoint(CoverageReport report) {
        this.report = report;
    }

    @GetMapping("/_mock/coverage")
    Map<String, Object> coverage() {
        CoverageReport.Summary s = report.summary();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("contracts", CoverageReport.contracts());
        out.put("operations", s.operations());
        out.put("stateful", s.stateful());
        out.put("fallback", s.fallback());
        out.put("rows", s.rows());
        return out;
    }
}
