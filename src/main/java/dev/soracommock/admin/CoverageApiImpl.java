package dev.soracommock.admin;

import dev.soracommock.api.mock.CoverageApiDelegate;
import dev.soracommock.api.mock.model.CoverageDto;
import dev.soracommock.coverage.CoverageReport;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /_mock/coverage}: which operations are stateful and which answer from the fallback. */
@Service
class CoverageApiImpl implements CoverageApiDelegate {

    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {
    };

    private final CoverageReport report;
    private final JsonMapper json;

    CoverageApiImpl(CoverageReport report, JsonMapper json) {
        this.report = report;
        this.json = json;
    }

    @Override
    public ResponseEntity<CoverageDto> getCoverage() {
        CoverageReport.Summary s = report.summary();
        List<Map<String, Object>> rows = s.rows().stream().map(r -> json.convertValue(r, ROW)).toList();
        return ResponseEntity.ok(new CoverageDto().contracts(CoverageReport.contracts()).operations(s.operations())
                .stateful(s.stateful()).fallback(s.fallback()).rows(rows));
    }
}
