package dev.soracommock.state;

import dev.soracommock.kernel.EmulatorReset;
import dev.soracommock.api.mock.StateApiDelegate;
import dev.soracommock.api.mock.model.ForkRequestDto;
import dev.soracommock.api.mock.model.ForkedOperatorDto;
import dev.soracommock.api.mock.model.ImportResultDto;
import dev.soracommock.api.mock.model.ResetResultDto;
import dev.soracommock.api.mock.model.StateDocumentDto;
import dev.soracommock.clock.MockClock;
import dev.soracommock.operator.DefaultOperator;
import dev.soracommock.kernel.PendingWrites;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The State tag of the control API. {@code POST /_mock/reset}: the emulator as freshly started — every table emptied
 * (the schema, its history and the token signing key stay), the default operator re-created, the clock and the
 * rate-limit counts reset. Tokens issued before the reset stop working (their API keys are gone). One operator's
 * reset ({@link OperatorReset}), export and import ({@link StateTransfer}) and fork ({@link OperatorFork}) live in
 * their own classes.
 */
@Component
class StateApiImpl implements StateApiDelegate {

    /** Tables that are the server's own, not state: the schema history and the signing key. */
    /** Not state: the signing secret survives a reset (Flyway's history is not in the schema at all). */
    private static final List<String> KEPT = List.of("server_secret");

    private final JdbcTemplate jdbc;
    private final StateSchema schema;
    private final DefaultOperator defaultOperator;
    private final MockClock clock;
    private final ApplicationEventPublisher events;
    private final OperatorReset operatorReset;
    private final StateTransfer transfer;
    private final OperatorFork fork;
    private final List<PendingWrites> pending;

    StateApiImpl(JdbcTemplate jdbc, DefaultOperator defaultOperator, MockClock clock,
            ApplicationEventPublisher events, OperatorReset operatorReset, StateTransfer transfer, OperatorFork fork,
            StateSchema schema, List<PendingWrites> pending) {
        this.jdbc = jdbc;
        this.pending = pending;
        this.schema = schema;
        this.defaultOperator = defaultOperator;
        this.clock = clock;
        this.events = events;
        this.operatorReset = operatorReset;
        this.transfer = transfer;
        this.fork = fork;
    }

    @Override
    public ResponseEntity<ResetResultDto> resetEmulator() {
        flushPending();
        int tables = emptyAllTables();
        clock.reset();
        defaultOperator.ensure();
        events.publishEvent(new EmulatorReset());
        return ResponseEntity.ok(new ResetResultDto().reset(true).tables(tables));
    }

    @Override
    public ResponseEntity<ResetResultDto> resetOperator(String operatorId) {
        flushPending();
        OperatorReset.Result r = operatorReset.reset(operatorId);
        return ResponseEntity.ok(new ResetResultDto().reset(true).operatorId(operatorId).tables(r.tables()).rows(r.rows()));
    }

    @Override
    public ResponseEntity<StateDocumentDto> exportState() {
        flushPending();
        return ResponseEntity.ok(transfer.export());
    }

    @Override
    public ResponseEntity<ImportResultDto> importState(StateDocumentDto document) {
        flushPending();
        StateTransfer.Result r = transfer.replace(document);
        // as after a reset, the default operator exists unless the document holds its ID or e-mail
        defaultOperator.ensure();
        return ResponseEntity.ok(new ImportResultDto().imported(true).tables(r.tables()).rows(r.rows()));
    }

    @Override
    public ResponseEntity<List<ForkedOperatorDto>> forkOperator(String operatorId, ForkRequestDto request) {
        flushPending();
        int count = request == null || request.getCount() == null ? 1 : request.getCount();
        List<ForkedOperatorDto> body = fork.fork(operatorId, count).stream()
                .map(f -> new ForkedOperatorDto(f.operatorId(), f.email(), f.password(), f.authKeyId(), f.authKey())
                        .apiKey(f.apiKey()).token(f.token()))
                .toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    /** Rows still held in memory (the API audit log's) are written first: the operation sees and acts on them. */
    private void flushPending() {
        pending.forEach(PendingWrites::flush);
    }

    private int emptyAllTables() {
        StateSchema.Schema schema = this.schema.get();
        List<String> tables = schema.tables().values().stream().map(StateSchema.Table::sql)
                .filter(t -> !KEPT.contains(t.toLowerCase())).toList();
        if (schema.h2()) {
            // H2 has no TRUNCATE … CASCADE; its referential-integrity switch is database-wide
            jdbc.execute("set referential_integrity false");
            try {
                tables.forEach(t -> jdbc.execute("truncate table " + StateSchema.quote(t)));
            } finally {
                jdbc.execute("set referential_integrity true");
            }
        } else {
            jdbc.execute("truncate table " + String.join(", ", tables.stream().map(StateSchema::quote).toList()) + " cascade");
        }
        return tables.size();
    }
}
