package dev.soracommock.state;

import dev.soracommock.kernel.EmulatorReset;
import dev.soracommock.api.mock.model.ClockDto;
import dev.soracommock.api.mock.model.StateDocumentDto;
import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.Identifiers;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole state as one JSON document and back ({@code GET|POST /_mock/state}, seed files): every table but Flyway's
 * history, the token signing key included, each row a JSON object of its columns (see {@link StateValues} for how
 * each type is written). The document's version is the database's schema version (the latest applied migration);
 * a document of another version is refused, as its tables would not fit.
 *
 * <p>An import replaces everything in one transaction: it is checked against the schema first (tables, columns,
 * value types), then every table is emptied and the rows written in JDBC batches, parents before children; any
 * constraint the rows violate rolls it all back. Identity columns then continue past the imported values, the
 * clock is set from the document, and the in-memory parts start afresh ({@link EmulatorReset}).
 */
@Component
class StateTransfer {

    static final String FORMAT = "soracom-mock-state";
    private static final int BATCH = 1000;

    /** What an import or a seeding did. */
    record Result(int tables, long rows, long skipped) {
    }

    private final JdbcTemplate jdbc;
    private final StateSchema schema;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;
    private final MockClock clock;
    private final Identifiers ids;
    private final ApplicationEventPublisher events;

    StateTransfer(JdbcTemplate jdbc, StateSchema schema, PlatformTransactionManager transactions, MockClock clock,
            Identifiers ids, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
        this.ids = ids;
        this.events = events;
    }

    /** The schema version: the highest version among the successfully applied migrations. */
    int schemaVersion() {
        StateSchema.Schema s = schema.get();
        if (s.historySql() == null) {
            return 0;
        }
        List<String> versions = jdbc.queryForList("select " + StateSchema.quote("version") + " from "
                + StateSchema.quote(s.historySql()) + " where " + StateSchema.quote("success") + " = true and "
                + StateSchema.quote("version") + " is not null", String.class);
        return versions.stream().mapToInt(v -> Integer.parseInt(v.split("\\.")[0])).max().orElse(0);
    }

    /** {@code GET /_mock/state}. */
    StateDocumentDto export() {
        StateSchema.Schema s = schema.get();
        Map<String, List<Map<String, Object>>> tables = new TreeMap<>();
        Instant now = clock.instant();
        readOnly.executeWithoutResult(status -> {
            for (StateSchema.Table t : s.tables().values()) {
                tables.put(t.name(), rows(t));
            }
        });
        return new StateDocumentDto(StateDocumentDto.FormatEnum.SORACOM_MOCK_STATE, schemaVersion(), tables)
                .exportedAt(now.toString())
                .clock(new ClockDto(now.toString(), now.toEpochMilli(), clock.frozen()));
    }

    private List<Map<String, Object>> rows(StateSchema.Table t) {
        List<StateSchema.Column> cols = t.columns().values().stream().filter(c -> !c.generated()).toList();
        List<String> order = t.primaryKey().isEmpty() ? cols.stream().map(StateSchema.Column::name).toList() : t.primaryKey();
        String sql = "select " + cols.stream().map(c -> StateSchema.quote(c.sql())).collect(Collectors.joining(", "))
                + " from " + t.quoted() + " order by " + order.stream().map(t::quoted).collect(Collectors.joining(", "));
        return jdbc.query(sql, (ResultSet rs, int n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < cols.size(); i++) {
                row.put(cols.get(i).name(), StateValues.read(rs, i + 1, cols.get(i)));
            }
            return row;
        });
    }

    /**
     * {@code POST /_mock/state}: replaces the whole state with the document, or changes nothing.
     *
     * @throws ApiException 400 MCK0102 naming what does not fit
     */
    Result replace(StateDocumentDto doc) {
        StateSchema.Schema s = schema.get();
        List<Batch> batches = parse(doc, s, "");
        Result result = tx.execute(status -> {
            for (StateSchema.Table t : s.childrenFirst()) {
                jdbc.update("delete from " + t.quoted());
            }
            long rows = insert(batches, s, false);
            restartIdentities(s);
            return new Result((int) batches.stream().map(b -> b.table().name()).distinct().count(), rows, 0);
        });
        afterLoad(doc, result);
        return result;
    }

    /**
     * Adds the documents' rows to the state (seed files), all or nothing. Rows whose primary key is already present
     * are skipped: the state (or an earlier document) holding them wins, so that several exports, each holding the
     * default operator and the token signing key, can be loaded together.
     *
     * @param docs documents by name (a file name, for messages)
     */
    Result add(Map<String, StateDocumentDto> docs) {
        StateSchema.Schema s = schema.get();
        Map<String, List<Batch>> parsed = new LinkedHashMap<>();
        docs.forEach((name, doc) -> parsed.put(name, parse(doc, s, name + ": ")));
        Result result = tx.execute(status -> {
            long rows = 0;
            long offered = 0;
            Set<String> tables = new HashSet<>();
            for (Map.Entry<String, List<Batch>> e : parsed.entrySet()) {
                try {
                    rows += insert(e.getValue(), s, true);
                } catch (ApiException refused) {
                    throw new ApiException(ErrorCode.INVALID_STATE_DOCUMENT, e.getKey() + ": " + refused.args()[0]);
                }
                offered += e.getValue().stream().mapToLong(b -> b.rows().size()).sum();
                e.getValue().forEach(b -> tables.add(b.table().name()));
            }
            restartIdentities(s);
            return new Result(tables.size(), rows, offered - rows);
        });
        docs.values().forEach(doc -> afterLoad(doc, result));
        return result;
    }

    private void afterLoad(StateDocumentDto doc, Result result) {
        ClockDto c = doc.getClock();
        if (c != null) {
            // now is the exact instant (nanoseconds); epochMillis serves documents written by hand without it
            Instant at = c.getNow() != null ? Instant.parse(c.getNow()) : Instant.ofEpochMilli(c.getEpochMillis());
            if (Boolean.TRUE.equals(c.getFrozen())) {
                clock.freeze();
                clock.set(at);
            } else {
                clock.unfreeze();
                clock.set(at);
            }
        }
        // a seeded generator would mint the identifiers of the server the state came from: move it on
        ids.reseed(31L * result.rows() + String.valueOf(doc.getExportedAt()).hashCode());
        events.publishEvent(new EmulatorReset());
    }

    // ---- documents to rows ----------------------------------------------------------------------------------------------

    /** Rows of one table that have the same columns. */
    private record Batch(StateSchema.Table table, List<StateSchema.Column> columns, List<Object[]> rows) {
    }

    /**
     * What the rows of one shape are in a table: the keys that are not its columns, or the batch they go to (the same
     * columns in the table's order, so that rows written with any key order share a batch) and where each of its
     * columns is among the row's values.
     */
    private record Columns(List<String> unknown, Batch batch, int[] from, boolean inPlace) {
    }

    private static Columns columns(StateSchema.Table t, StateTables.Shape shape, Map<List<String>, Batch> batches) {
        List<String> names = List.of(shape.names());
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            StateSchema.Column c = t.column(name);
            if (c == null || c.generated()) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            return new Columns(unknown, null, null, false);
        }
        List<String> key = t.columns().keySet().stream().filter(names::contains).toList();
        Batch batch = batches.computeIfAbsent(key, k -> new Batch(t, k.stream().map(t::column).toList(), new ArrayList<>()));
        int[] from = key.stream().mapToInt(names::indexOf).toArray();
        return new Columns(List.of(), batch, from, key.equals(names));
    }

    private static String where(StateSchema.Table t, int row) {
        return "tables." + t.name() + "[" + row + "]";
    }

    /**
     * The document's rows as batches to write, parents first, or 400 naming up to five problems. The rows are
     * {@link StateTables}' (a document read from JSON holds them so; one built in code is made so): the keys of each
     * shape of row are matched with the table's columns once, and the values converted in place when the keys are in
     * the table's order, as an export writes them.
     */
    private List<Batch> parse(StateDocumentDto doc, StateSchema.Schema s, String prefix) {
        List<String> problems = new ArrayList<>();
        if (doc == null) {
            throw invalid(prefix + "not a state document");
        }
        if (doc.getFormat() == null) {
            problems.add("format must be \"" + FORMAT + "\"");
        }
        int version = schemaVersion();
        if (doc.getVersion() == null) {
            problems.add("version is missing");
        } else if (doc.getVersion() != version) {
            problems.add("version " + doc.getVersion() + " is not this emulator's schema version " + version
                    + " (export the state again from a server of this version)");
        }
        if (doc.getClock() != null) {
            ClockDto c = doc.getClock();
            if (c.getEpochMillis() == null && c.getNow() == null) {
                problems.add("clock needs now or epochMillis");
            } else if (c.getNow() != null) {
                try {
                    Instant.parse(c.getNow());
                } catch (DateTimeParseException e) {
                    problems.add("clock.now is not an ISO-8601 instant");
                }
            }
        }
        if (doc.getTables() == null) {
            problems.add("tables is missing");
        }
        if (!problems.isEmpty()) {
            throw invalid(prefix + String.join("; ", problems));
        }
        Map<String, Map<List<String>, Batch>> byTable = new LinkedHashMap<>();
        for (StateTables.Table e : StateTables.of(doc.getTables()).tables()) {
            StateSchema.Table t = s.table(e.name());
            if (t == null) {
                problems.add("tables." + e.name() + ": no such table");
                continue;
            }
            List<StateTables.Row> rows = e.rows() == null ? List.of() : e.rows();
            Map<List<String>, Batch> batches = byTable.computeIfAbsent(t.name(), k -> new LinkedHashMap<>());
            Map<StateTables.Shape, Columns> shapes = new IdentityHashMap<>();
            for (int i = 0; i < rows.size() && problems.size() < 5; i++) {
                StateTables.Row row = rows.get(i);
                if (row == null) {
                    problems.add(where(t, i) + ": not an object");
                    continue;
                }
                Columns columns = shapes.computeIfAbsent(row.shape(), shape -> columns(t, shape, batches));
                if (!columns.unknown().isEmpty()) {
                    for (String name : columns.unknown()) {
                        if (problems.size() >= 5) {
                            break;
                        }
                        problems.add(where(t, i) + "." + name + ": no such column");
                    }
                    continue;
                }
                // converted where they are when the row's keys are in the table's order (as exported)
                Object[] given = row.values();
                int[] from = columns.from();
                Object[] values = columns.inPlace() ? given : new Object[from.length];
                List<StateSchema.Column> types = columns.batch().columns();
                for (int j = 0; j < from.length; j++) {
                    try {
                        values[j] = StateValues.toJdbc(given[from[j]], types.get(j));
                    } catch (StateValues.Mismatch m) {
                        problems.add(where(t, i) + "." + types.get(j).name() + ": " + m.getMessage());
                    }
                }
                columns.batch().rows().add(values);
            }
            if (problems.size() >= 5) {
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(prefix + problems.stream().limit(5).collect(Collectors.joining("; ")));
        }
        // parents before children, as the schema orders the tables
        List<Batch> ordered = new ArrayList<>();
        for (String name : s.tables().keySet()) {
            Map<List<String>, Batch> batches = byTable.get(name);
            if (batches != null) {
                batches.values().stream().filter(b -> !b.rows().isEmpty()).forEach(ordered::add);
            }
        }
        return ordered;
    }

    static ApiException invalid(String message) {
        return new ApiException(ErrorCode.INVALID_STATE_DOCUMENT, message);
    }

    private long insert(List<Batch> batches, StateSchema.Schema s, boolean skipExisting) {
        long written = 0;
        Map<String, Set<String>> keys = new TreeMap<>();
        for (Batch b : batches) {
            StateSchema.Table t = b.table();
            List<Object[]> rows = b.rows();
            if (skipExisting && !t.primaryKey().isEmpty()) {
                List<String> names = b.columns().stream().map(StateSchema.Column::name).toList();
                int[] pk = t.primaryKey().stream().mapToInt(names::indexOf).toArray();
                if (java.util.Arrays.stream(pk).noneMatch(i -> i < 0)) {
                    Set<String> present = keys.computeIfAbsent(t.name(), k -> existingKeys(t));
                    List<Object[]> fresh = new ArrayList<>(rows.size());
                    for (Object[] row : rows) {
                        StringBuilder key = new StringBuilder();
                        for (int i : pk) {
                            key.append(StateValues.canonical(row[i])).append('\u0001');
                        }
                        if (present.add(key.toString())) {
                            fresh.add(row);
                        }
                    }
                    rows = fresh;
                }
            }
            written += insert(t, b.columns(), rows);
        }
        return written;
    }

    private Set<String> existingKeys(StateSchema.Table t) {
        List<StateSchema.Column> pk = t.primaryKey().stream().map(t::column).toList();
        String sql = "select " + pk.stream().map(c -> StateSchema.quote(c.sql())).collect(Collectors.joining(", "))
                + " from " + t.quoted();
        Set<String> keys = new HashSet<>();
        jdbc.query(sql, rs -> {
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < pk.size(); i++) {
                Object v;
                try {
                    v = StateValues.toJdbc(StateValues.read(rs, i + 1, pk.get(i)), pk.get(i));
                } catch (StateValues.Mismatch m) {
                    v = StateValues.read(rs, i + 1, pk.get(i));
                }
                key.append(StateValues.canonical(v)).append('\u0001');
            }
            keys.add(key.toString());
        });
        return keys;
    }

    /** Writes rows in JDBC batches; a violated constraint is a 400 that rolls the transaction back. */
    private long insert(StateSchema.Table t, List<StateSchema.Column> columns, List<Object[]> rows) {
        try {
            return write(t, columns, rows);
        } catch (DataAccessException e) {
            throw invalid("tables." + t.name() + ": " + databaseMessage(e));
        }
    }

    /** Writes rows (values made by {@link StateValues#toJdbc}) in JDBC batches. */
    long write(StateSchema.Table t, List<StateSchema.Column> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        String sql = "insert into " + t.quoted() + " ("
                + columns.stream().map(c -> StateSchema.quote(c.sql())).collect(Collectors.joining(", ")) + ") values ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        jdbc.batchUpdate(sql, rows, BATCH, (ps, row) -> {
            for (int i = 0; i < columns.size(); i++) {
                StateValues.bind(ps, i + 1, row[i], columns.get(i));
            }
        });
        return rows.size();
    }

    /** The database's own words for a refused statement, without the statement. */
    static String databaseMessage(Throwable e) {
        String m = String.valueOf(NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        int sql = m.indexOf("; SQL statement:");
        if (sql > 0) {
            m = m.substring(0, sql);
        }
        m = m.replace('\n', ' ').trim();
        return m.length() > 400 ? m.substring(0, 397) + "…" : m;
    }

    /** Identity columns continue past the highest value in the table (H2 does not move them on explicit values). */
    void restartIdentities(StateSchema.Schema s) {
        for (StateSchema.Table t : s.tables().values()) {
            for (StateSchema.Column c : t.identities()) {
                Long max = jdbc.queryForObject("select max(" + StateSchema.quote(c.sql()) + ") from " + t.quoted(), Long.class);
                long next = max == null ? 1 : max + 1;
                if (s.h2()) {
                    jdbc.execute("alter table " + t.quoted() + " alter column " + StateSchema.quote(c.sql()) + " restart with " + next);
                } else {
                    jdbc.queryForObject("select setval(pg_get_serial_sequence(?, ?), ?, false)", Long.class,
                            t.quoted(), c.sql(), next);
                }
            }
        }
    }
}
