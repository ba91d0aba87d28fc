package dev.soracommock.export;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /_mock/exports/{id}.csv}: the CSV of an export (no credentials, like the real pre-signed URL). */
@RestController
class ExportEndpoint {

    private final Exports exports;

    ExportEndpoint(Exports exports) {
        this.exports = exports;
    }

    @GetMapping("/_mock/exports/{id}.csv")
    ResponseEntity<String> export(@PathVariable("id") String id) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(exports.csv(id));
    }
}
