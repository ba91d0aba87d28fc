package dev.soracommock.robustness;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fingerprint of everything the emulator stores: every row of every table (over JDBC), as a count and an
 * order-independent 64-bit hash per table. Two digests are equal when no row was added, removed or changed.
 *
 * <p>Left out, because they are the server's own and not an operator's state: {@code flyway_schema_history} (the
 * schema's history, written once by Flyway) and {@code server_secret} (the token signing key, created once on first
 * use); and {@code api_audit_log}, the operator's API audit log, which records every call made with accepted
 * credentials, refused ones included, by design. Nothing else is left out: no other table records a read (the only
 * last-use time, {@code auth_key.last_used_at}, is written by a successful login, never by a refused request).
 * Nor are the emulator-wide tables of instances that share the database (V18, {@code soracom-mock.shared-state}:
 * on in the PostgreSQL run): {@code rate_limit_window} counts every request, refused ones included, as the in-memory
 * counts do, and {@code mock_clock} is the clock.
 */
final class TableDigest {

    static final Set<String> NOT_STATE = Set.of("flyway_schema_history", "server_secret", "api_audit_log",
            "rate_limit_window", "mock_clock");

    /** One table's fingerprint. */
    record Table(long rows, long hash) {
    }

    private final JdbcTemplate jdbc;
    private final List<String> tables;
    private final boolean h2;

    TableDigest(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.tables = jdbc.queryForList(
                "select table_name from information_schema.tables where lower(table_schema) = lower(current_schema())"
                        + " and table_type in ('BASE TABLE', 'TABLE') order by table_name", String.class).stream()
                .filter(t -> !NOT_STATE.contains(t.toLowerCase()))
                .toList();
        if (tables.isEmpty()) {
            throw new IllegalStateException("no tables found");
        }
        this.h2 = Boolean.TRUE.equals(jdbc.execute(
                (java.sql.Connection c) -> c.getMetaData().getDatabaseProductName().equals("H2")));
    }

    List<String> tables() {
        return tables;
    }

    /**
     * Every table's fingerprint, by table name. A table whose modification counter (H2's
     * {@code information_schema.tables.last_modification}, advanced by every write) has not moved since the last
     * digest has the same rows, and keeps its fingerprint without being read again.
     */
    Map<String, Table> take() {
        Map<String, Long> modified = modificationCounters();
        Map<String, Table> out = new LinkedHashMap<>();
        for (String table : tables) {
            Long counter = modified.get(table);
            Cached cached = cache.get(table);
            if (counter != null && cached != null && cached.counter() == counter) {
                out.put(table, cached.table());
                continue;
            }
            Table t = read(table);
            if (counter != null) {
                cache.put(table, new Cached(counter, t));
            }
            out.put(table, t);
        }
        return out;
    }

    private record Cached(long counter, Table table) {
    }

    private final Map<String, Cached> cache = new java.util.HashMap<>();

    private Map<String, Long> modificationCounters() {
        if (!h2) {
            return Map.of();
        }
        Map<String, Long> out = new java.util.HashMap<>();
        jdbc.query("select table_name, last_modification from information_schema.tables"
                + " where lower(table_schema) = lower(current_schema())", (ResultSet rs) -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    private Table read(String table) {
        return jdbc.query("select * from \"" + table + "\"", (ResultSet rs) -> {
            int columns = rs.getMetaData().getColumnCount();
            long rows = 0;
            long sum = 0;
            while (rs.next()) {
                long h = 0x9E3779B97F4A7C15L;
                for (int c = 1; c <= columns; c++) {
                    h = mix(h ^ Objects.hashCode(rs.getString(c)) ^ ((long) c << 32));
                }
                sum += h;
                rows++;
            }
            return new Table(rows, sum);
        });
    }

    /** The tables whose fingerprint differs, with their row counts before and after; empty when equal. */
    static List<String> changes(Map<String, Table> before, Map<String, Table> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((table, now) -> {
            Table then = before.get(table);
            if (!now.equals(then)) {
                changed.add(table + " (rows " + (then == null ? "?" : then.rows()) + " -> " + now.rows() + ")");
            }
        });
        return changed;
    }

    /** splitmix64's finaliser: spreads every input bit over the whole hash. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
