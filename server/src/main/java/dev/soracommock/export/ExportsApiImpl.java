package dev.soracommock.export;

import dev.soracommock.api.mock.ExportsApiDelegate;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** {@code GET /_mock/exports/{id}.csv}: the CSV of an export (no credentials, like the real pre-signed URL). */
@Component
class ExportsApiImpl implements ExportsApiDelegate {

    private final ExportService exports;

    ExportsApiImpl(ExportService exports) {
        this.exports = exports;
    }

    @Override
    public ResponseEntity<String> downloadExport(String exportId) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(exports.csv(exportId));
    }
}
