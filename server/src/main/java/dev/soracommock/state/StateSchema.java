package dev.soracommock.state;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The database schema as the state operations see it, read from JDBC metadata (so it works on H2 and PostgreSQL and
 * follows every migration without a hand-kept list): tables, columns and their JDBC types, identity columns, primary
 * and unique keys, foreign keys, and an order in which parents come before their children. Names are lower case
 * (the names in a state document); {@code sql} names are the database's own, for quoting. Flyway's history table is
 * not state and is left out, and so are the emulator-wide tables of {@link #EMULATOR_WIDE}. The schema cannot change while the server runs, so it is read once.
 */
@Component
class StateSchema {

    static final String HISTORY = "flyway_schema_history";
    /**
     * Emulator-wide tables that are not state either (V18: the clock and the rate-limit windows that instances on one
     * database share): not exported, imported, reset by table nor forked; the clock and the counts are reset by
     * their owners (MockClock, the rate limiter) on {@code /_mock/reset}.
     */
    static final Set<String> EMULATOR_WIDE = Set.of("mock_clock", "rate_limit_window");

    /** A column: lower-case name, the database's name, its {@link java.sql.Types} type, whether it is an identity. */
    record Column(String name, String sql, int type, String typeName, boolean identity, boolean generated) {
    }

    /** {@code table (columns)} references {@code parent (parentColumns)}. */
    record ForeignKey(String table, List<String> columns, String parent, List<String> parentColumns) {
    }

    record Table(String name, String sql, Map<String, Column> columns, List<String> primaryKey,
            List<List<String>> uniqueKeys, List<ForeignKey> foreignKeys) {

        boolean has(String column) {
            return columns.containsKey(column);
        }

        Column column(String name) {
            return columns.get(name);
        }

        /** The columns a row can be written with (generated columns are computed by the database). */
        List<Column> writable() {
            return columns.values().stream().filter(c -> !c.generated()).toList();
        }

        List<Column> identities() {
            return columns.values().stream().filter(Column::identity).toList();
        }

        String quoted() {
            return StateSchema.quote(sql);
        }

        String quoted(String column) {
            return StateSchema.quote(columns.get(column).sql());
        }
    }

    /**
     * @param tables      every table but Flyway's history, parents before children
     * @param h2          whether the database is H2 (else PostgreSQL is assumed where SQL differs)
     * @param historySql  the database's name of Flyway's history table, or null
     */
    record Schema(Map<String, Table> tables, boolean h2, String historySql) {

        Table table(String name) {
            return tables.get(name);
        }

        /** Tables, children before parents (the order to delete in). */
        List<Table> childrenFirst() {
            List<Table> list = new ArrayList<>(tables.values());
            Collections.reverse(list);
            return list;
        }
    }

    private final JdbcTemplate jdbc;
    private volatile Schema schema;

    StateSchema(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Schema get() {
        Schema s = schema;
        if (s == null) {
            synchronized (this) {
                if (schema == null) {
                    schema = jdbc.execute((ConnectionCallback<Schema>) StateSchema::read);
                }
                s = schema;
            }
        }
        return s;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static Schema read(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        boolean h2 = "H2".equals(md.getDatabaseProductName());
        String catalog = c.getCatalog();
        String schemaName = c.getSchema();
        Map<String, String> names = new TreeMap<>();
        String history = null;
        try (ResultSet rs = md.getTables(catalog, schemaName, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String sql = rs.getString("TABLE_NAME");
                if (lower(sql).equals(HISTORY)) {
                    history = sql;
                } else if (!EMULATOR_WIDE.contains(lower(sql))) {
                    names.put(lower(sql), sql);
                }
            }
        }
        Map<String, Table> tables = new TreeMap<>();
        for (Map.Entry<String, String> t : names.entrySet()) {
            tables.put(t.getKey(), readTable(md, catalog, schemaName, t.getKey(), t.getValue()));
        }
        return new Schema(parentsFirst(tables), h2, history);
    }

    private static Table readTable(DatabaseMetaData md, String catalog, String schemaName, String name, String sql)
            throws SQLException {
        Map<String, Column> columns = new LinkedHashMap<>();
        try (ResultSet rs = md.getColumns(catalog, schemaName, sql, "%")) {
            while (rs.next()) {
                String col = rs.getString("COLUMN_NAME");
                boolean identity = "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"));
                boolean generated = "YES".equalsIgnoreCase(rs.getString("IS_GENERATEDCOLUMN"));
                columns.put(lower(col), new Column(lower(col), col, rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"),
                        identity, generated));
            }
        }
        Map<Short, String> pk = new TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(catalog, schemaName, sql)) {
            while (rs.next()) {
                pk.put(rs.getShort("KEY_SEQ"), lower(rs.getString("COLUMN_NAME")));
            }
        }
        Map<String, Map<Short, String>> unique = new TreeMap<>();
        try (ResultSet rs = md.getIndexInfo(catalog, schemaName, sql, true, true)) {
            while (rs.next()) {
                if (rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic || rs.getBoolean("NON_UNIQUE")
                        || rs.getString("COLUMN_NAME") == null) {
                    continue;
                }
                unique.computeIfAbsent(rs.getString("INDEX_NAME"), k -> new TreeMap<>())
                        .put(rs.getShort("ORDINAL_POSITION"), lower(rs.getString("COLUMN_NAME")));
            }
        }
        List<List<String>> uniqueKeys = new ArrayList<>();
        if (!pk.isEmpty()) {
            uniqueKeys.add(List.copyOf(pk.values()));
        }
        for (Map<Short, String> key : unique.values()) {
            List<String> cols = List.copyOf(key.values());
            if (!uniqueKeys.contains(cols)) {
                uniqueKeys.add(cols);
            }
        }
        Map<String, List<String[]>> fks = new TreeMap<>();
        try (ResultSet rs = md.getImportedKeys(catalog, schemaName, sql)) {
            while (rs.next()) {
                String fkName = rs.getString("FK_NAME") + "/" + lower(rs.getString("PKTABLE_NAME"));
                fks.computeIfAbsent(fkName, k -> new ArrayList<>()).add(new String[] {
                        String.valueOf(rs.getShort("KEY_SEQ")), lower(rs.getString("FKCOLUMN_NAME")),
                        lower(rs.getString("PKTABLE_NAME")), lower(rs.getString("PKCOLUMN_NAME"))});
            }
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (List<String[]> parts : fks.values()) {
            parts.sort((a, b) -> Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0])));
            foreignKeys.add(new ForeignKey(name, parts.stream().map(p -> p[1]).toList(), parts.get(0)[2],
                    parts.stream().map(p -> p[3]).toList()));
        }
        return new Table(name, sql, Collections.unmodifiableMap(columns), List.copyOf(pk.values()),
                List.copyOf(uniqueKeys), List.copyOf(foreignKeys));
    }

    /** Kahn's algorithm, ties by name; a table's references to itself do not order it. */
    private static Map<String, Table> parentsFirst(Map<String, Table> tables) {
        Map<String, Set<String>> parents = new TreeMap<>();
        for (Table t : tables.values()) {
            Set<String> p = new TreeSet<>();
            for (ForeignKey fk : t.foreignKeys()) {
                if (!fk.parent().equals(t.name()) && tables.containsKey(fk.parent())) {
                    p.add(fk.parent());
                }
            }
            parents.put(t.name(), p);
        }
        Map<String, Table> ordered = new LinkedHashMap<>();
        while (ordered.size() < tables.size()) {
            String next = parents.entrySet().stream()
                    .filter(e -> !ordered.containsKey(e.getKey()) && ordered.keySet().containsAll(e.getValue()))
                    .map(Map.Entry::getKey).findFirst()
                    // a cycle of foreign keys: take the remaining tables by name
                    .orElseGet(() -> parents.keySet().stream().filter(n -> !ordered.containsKey(n)).findFirst().orElseThrow());
            ordered.put(next, tables.get(next));
        }
        return Collections.unmodifiableMap(ordered);
    }
}
