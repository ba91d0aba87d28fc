package dev.soracommock.export;

import dev.soracommock.api.soracom.model.FileExportResponseDto;
import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.Identifiers;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The CSV files the export operations produce (stats, bills), kept in table {@code file_export} and served by
 * {@code GET /_mock/exports/{id}.csv} ({@link ExportsApiImpl}). Every export answers the same {@code FileExportResponse}:
 * the URL; with {@code export_mode=async} also {@code exportedFileId} and {@code exportedFilePath}. The file is
 * ready at once, so both modes answer the URL.
 */
@Service
public class ExportService {

    private final JdbcTemplate jdbc;
    private final MockClock clock;
    private final Identifiers ids;

    ExportService(JdbcTemplate jdbc, MockClock clock, Identifiers ids) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ids = ids;
    }

    /** Stores the CSV of the operator's export and answers what the export operation returns. */
    @Transactional
    public FileExportResponseDto publish(String operatorId, String csv, String exportMode) {
        String id = "fe_" + ids.uuid(); // from the seeded generator: SORACOM_MOCK_SEED makes it reproducible
        jdbc.update("insert into file_export (export_id, operator_id, csv, created_at) values (?,?,?,?)", id, operatorId,
                csv, clock.nowMillis());
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/_mock/exports/{id}.csv")
                .buildAndExpand(id).toUriString();
        FileExportResponseDto out = new FileExportResponseDto().url(url);
        if ("async".equals(exportMode)) {
            out.exportedFileId(id).exportedFilePath("//files/exported/" + id);
        }
        return out;
    }

    /**
     * The download URL of one of the operator's exports (what {@code GET /files/exported/{id}} answers for the
     * {@code exportedFileId} of an async export); 404 STS0002 for another operator's or an unknown one.
     */
    @Transactional(readOnly = true)
    String urlOf(String operatorId, String id) {
        Integer n = jdbc.queryForObject("select count(*) from file_export where operator_id = ? and export_id = ?",
                Integer.class, operatorId, id);
        if (n == null || n == 0) {
            throw new ApiException(ErrorCode.EXPORT_NOT_FOUND);
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/_mock/exports/{id}.csv")
                .buildAndExpand(id).toUriString();
    }

    /** The CSV of an export; anyone holding the URL may read it, like the real pre-signed URL. */
    @Transactional(readOnly = true)
    String csv(String id) {
        List<String> found = jdbc.query("select csv from file_export where export_id = ?", (rs, i) -> rs.getString(1), id);
        if (found.isEmpty()) {
            throw new ApiException(ErrorCode.EXPORT_NOT_FOUND);
        }
        return found.get(0);
    }
}
