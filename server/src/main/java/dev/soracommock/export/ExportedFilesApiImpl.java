package dev.soracommock.export;

import dev.soracommock.api.soracom.FilesApiDelegate;
import dev.soracommock.api.soracom.model.GetExportedFileResponseDto;
import dev.soracommock.coverage.Limitation;
import dev.soracommock.kernel.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Files tag: {@code GET /files/exported/{exported_file_id}}, where an async export's {@code exportedFilePath}
 * ({@code //files/exported/{id}}) leads; answers the CSV's download URL ({@code /_mock/exports/{id}.csv}).
 */
@Component
class ExportedFilesApiImpl implements FilesApiDelegate {

    private final ExportService exports;
    private final CurrentCaller caller;

    ExportedFilesApiImpl(ExportService exports, CurrentCaller caller) {
        this.exports = exports;
        this.caller = caller;
    }

    @Override
    @Limitation("an export is ready at once, so the status is always exported; another operator's or an unknown id is"
            + " 404 STS0002 ([UNKNOWN] the real error)")
    public ResponseEntity<GetExportedFileResponseDto> getExportedFile(String exportedFileId) {
        String url = exports.urlOf(caller.operatorId(), exportedFileId);
        return ResponseEntity.ok(new GetExportedFileResponseDto().status(GetExportedFileResponseDto.StatusEnum.EXPORTED)
                .url(url));
    }
}
