package dev.soracommock.coverage;

import dev.soracommock.api.mock.CoverageApiDelegate;
import dev.soracommock.api.mock.model.CoverageDto;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** {@code GET /_mock/coverage}: which operations are stateful and which answer from the fallback. */
@Component
class CoverageApiImpl implements CoverageApiDelegate {

    private final CoverageReport report;

    CoverageApiImpl(CoverageReport report) {
        this.report = report;
    }

    @Override
    public ResponseEntity<CoverageDto> getCoverage() {
        CoverageReport.Summary s = report.summary();
        return ResponseEntity.ok(new CoverageDto().contracts(CoverageReport.contracts()).operations(s.operations())
                .stateful(s.stateful()).fallback(s.fallback()).rows(List.copyOf(s.rows())));
    }
}
