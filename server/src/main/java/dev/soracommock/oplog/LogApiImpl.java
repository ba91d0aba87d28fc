package dev.soracommock.oplog;

import dev.soracommock.api.soracom.LogApiDelegate;
import dev.soracommock.api.soracom.model.LogEntryDto;
import dev.soracommock.coverage.Limitation;
import dev.soracommock.kernel.CurrentCaller;
import dev.soracommock.kernel.Paging;
import dev.soracommock.kernel.Paging.PageRequest;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The operator's error log (tag Log). */
@Component
class LogApiImpl implements LogApiDelegate {

    /** The most entries one page holds (the contract sets no maximum). */
    static final int MAX_LIMIT = 1000;

    private final OperatorLogService logs;
    private final CurrentCaller caller;
    private final JsonMapper json;

    LogApiImpl(OperatorLogService logs, CurrentCaller caller, JsonMapper json) {
        this.logs = logs;
        this.caller = caller;
        this.json = json;
    }

    @Override
    @Limitation("Entries are what the emulator's domains report: a Beam destination that cannot be reached or answers"
            + " 5xx (service Beam, resource the SIM's Subscriber), a soralet run that traps, times out or fails"
            + " (service Orbit, from testSoralet and the Unified Endpoint), a Funnel/Funk delivery whose credentials"
            + " set is missing, and what event handlers report; the wording of each body is the emulator's own"
            + " [UNKNOWN: the real bodies]. Retention [UNKNOWN]: entries older than 14 days on the emulator's clock are"
            + " not answered. from/to are epoch milliseconds, both inclusive. Without a limit every entry is answered;"
            + " a page holds at most 1000.")
    public ResponseEntity<List<LogEntryDto>> getLogs(String resourceType, String resourceId, String service, Long from,
            Long to, Integer limit, String lastEvaluatedKey) {
        PageRequest page = PageRequest.of(limit, lastEvaluatedKey, MAX_LIMIT);
        String operatorId = caller.operatorId();
        var found = logs.errorLog(operatorId, new ErrorLogStore.Filter(resourceType, resourceId, service, from, to),
                page);
        return Paging.ok(found, this::dto, page);
    }

    private LogEntryDto dto(ErrorLogStore.Row r) {
        return new LogEntryDto().operatorId(r.operatorId()).time(r.time())
                .resourceType(enumOf(r.resourceType(), LogEntryDto.ResourceTypeEnum::fromValue))
                .resourceId(r.resourceId())
                .service(enumOf(r.service(), LogEntryDto.ServiceEnum::fromValue))
                .logLevel(enumOf(r.logLevel(), LogEntryDto.LogLevelEnum::fromValue))
                .body(json.readTree(r.body()));
    }

    /** The contract's value, or nothing when a publisher used a value the contract does not list. */
    private static <E> E enumOf(String value, Function<String, E> parse) {
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
