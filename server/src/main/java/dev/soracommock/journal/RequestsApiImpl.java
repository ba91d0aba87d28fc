package dev.soracommock.journal;

import dev.soracommock.api.mock.RequestsApiDelegate;
import dev.soracommock.api.mock.model.JournalEntryDto;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** {@code /_mock/requests}: read and empty the request journal. */
@Component
class RequestsApiImpl implements RequestsApiDelegate {

    private final RequestJournal journal;

    RequestsApiImpl(RequestJournal journal) {
        this.journal = journal;
    }

    @Override
    public ResponseEntity<List<JournalEntryDto>> listRequests(String operationId, String tag, String method,
            String path, Integer status, String operatorId, Long since, Integer limit) {
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 10000) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "limit must be between 1 and 10000");
        }
        Predicate<RequestJournal.Entry> filter = e -> (operationId == null || operationId.equals(e.operationId()))
                && (tag == null || tag.equalsIgnoreCase(e.tag()))
                && (method == null || method.equalsIgnoreCase(e.method()))
                && (path == null || e.path().startsWith(path))
                && (status == null || status == e.status())
                && (operatorId == null || operatorId.equals(e.operatorId()))
                && (since == null || e.time() >= since);
        return ResponseEntity.ok(journal.find(filter, max).stream().map(RequestsApiImpl::dto).toList());
    }

    @Override
    public ResponseEntity<Void> clearRequests() {
        journal.clear();
        return ResponseEntity.noContent().build();
    }

    private static JournalEntryDto dto(RequestJournal.Entry e) {
        return new JournalEntryDto().id(e.id()).time(e.time()).method(e.method()).path(e.path()).query(e.query())
                .operationId(e.operationId()).tag(e.tag()).status(e.status()).operatorId(e.operatorId())
                .durationMs(e.durationMs()).fault(e.fault());
    }
}
