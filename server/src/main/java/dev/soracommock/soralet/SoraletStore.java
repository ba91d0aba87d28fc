package dev.soracommock.soralet;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code soralet}, {@code soralet_version} and {@code soralet_log} (V12). A soralet is created and deleted,
 * never edited; versions are appended and deleted, their code read back whole; logs are appended and read in pages —
 * hence SQL rather than entities (ADR 0006). Every method takes the operator ID first.
 */
@Repository
class SoraletStore {

    record SoraletRow(String operatorId, String soraletId, String description, long createdTime, long updatedTime) {
    }

    record VersionRow(String operatorId, String soraletId, long version, long size, String hash, long createdTime) {
    }

    record LogRow(long logId, String operatorId, String soraletId, long version, String message, long createdTime) {
    }

    private static final RowMapper<SoraletRow> SORALET = (rs, i) -> new SoraletRow(rs.getString("operator_id"),
            rs.getString("soralet_id"), rs.getString("description"), rs.getLong("created_time"),
            rs.getLong("updated_time"));
    private static final RowMapper<VersionRow> VERSION = (rs, i) -> new VersionRow(rs.getString("operator_id"),
            rs.getString("soralet_id"), rs.getLong("version"), rs.getLong("size"), rs.getString("hash"),
            rs.getLong("created_time"));
    private static final RowMapper<LogRow> LOG = (rs, i) -> new LogRow(rs.getLong("log_id"), rs.getString("operator_id"),
            rs.getString("soralet_id"), rs.getLong("version"), rs.getString("message"), rs.getLong("created_time"));

    private static final String VERSION_COLUMNS = "operator_id, soralet_id, version, size, hash, created_time";

    private final JdbcTemplate jdbc;

    SoraletStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- soralets ---

    void insert(SoraletRow row) {
        jdbc.update("insert into soralet (operator_id, soralet_id, description, created_time, updated_time) values (?, ?, ?, ?, ?)",
                row.operatorId(), row.soraletId(), row.description(), row.createdTime(), row.updatedTime());
    }

    Optional<SoraletRow> find(String operatorId, String soraletId) {
        return jdbc.query("select * from soralet where operator_id = ? and soralet_id = ?", SORALET, operatorId, soraletId)
                .stream().findFirst();
    }

    /** The soralet, row-locked until the transaction ends (uploads and deletes of one soralet are serialised). */
    Optional<SoraletRow> lock(String operatorId, String soraletId) {
        return jdbc.query("select * from soralet where operator_id = ? and soralet_id = ? for update", SORALET,
                operatorId, soraletId).stream().findFirst();
    }

    int count(String operatorId) {
        Integer n = jdbc.queryForObject("select count(*) from soralet where operator_id = ?", Integer.class, operatorId);
        return n == null ? 0 : n;
    }

    /** Soralets in ID order ({@code ascending} or not), after {@code after} (exclusive, null for the first page). */
    List<SoraletRow> page(String operatorId, boolean ascending, String after, int fetch) {
        String order = ascending ? "asc" : "desc";
        String cmp = ascending ? ">" : "<";
        return jdbc.query("select * from soralet where operator_id = ? and (cast(? as varchar(100)) is null or soralet_id "
                        + cmp + " ?) order by soralet_id " + order + " fetch first ? rows only",
                SORALET, operatorId, after, after, fetch);
    }

    void delete(String operatorId, String soraletId) {
        jdbc.update("delete from soralet_log where operator_id = ? and soralet_id = ?", operatorId, soraletId);
        jdbc.update("delete from soralet_version where operator_id = ? and soralet_id = ?", operatorId, soraletId);
        jdbc.update("delete from soralet where operator_id = ? and soralet_id = ?", operatorId, soraletId);
    }

    // --- versions ---

    /** Hands out the next version number (the soralet must be locked). */
    long nextVersion(String operatorId, String soraletId, long now) {
        jdbc.update("update soralet set last_version = last_version + 1, updated_time = ? where operator_id = ? and soralet_id = ?",
                now, operatorId, soraletId);
        Long v = jdbc.queryForObject("select last_version from soralet where operator_id = ? and soralet_id = ?",
                Long.class, operatorId, soraletId);
        return v == null ? 1 : v;
    }

    void insertVersion(VersionRow row, byte[] code) {
        jdbc.update("insert into soralet_version (" + VERSION_COLUMNS + ", code) values (?, ?, ?, ?, ?, ?, ?)",
                row.operatorId(), row.soraletId(), row.version(), row.size(), row.hash(), row.createdTime(), code);
    }

    int countVersions(String operatorId, String soraletId) {
        Integer n = jdbc.queryForObject("select count(*) from soralet_version where operator_id = ? and soralet_id = ?",
                Integer.class, operatorId, soraletId);
        return n == null ? 0 : n;
    }

    Optional<VersionRow> findVersion(String operatorId, String soraletId, long version) {
        return jdbc.query("select " + VERSION_COLUMNS + " from soralet_version where operator_id = ? and soralet_id = ? and version = ?",
                VERSION, operatorId, soraletId, version).stream().findFirst();
    }

    Optional<VersionRow> latestVersion(String operatorId, String soraletId) {
        return jdbc.query("select " + VERSION_COLUMNS + " from soralet_version where operator_id = ? and soralet_id = ?"
                + " order by version desc fetch first 1 rows only", VERSION, operatorId, soraletId).stream().findFirst();
    }

    byte[] code(String operatorId, String soraletId, long version) {
        return jdbc.query("select code from soralet_version where operator_id = ? and soralet_id = ? and version = ?",
                (rs, i) -> rs.getBytes(1), operatorId, soraletId, version).stream().findFirst().orElse(null);
    }

    List<VersionRow> versionPage(String operatorId, String soraletId, boolean ascending, Long after, int fetch) {
        String order = ascending ? "asc" : "desc";
        String cmp = ascending ? ">" : "<";
        return jdbc.query("select " + VERSION_COLUMNS + " from soralet_version where operator_id = ? and soralet_id = ?"
                        + " and (cast(? as bigint) is null or version " + cmp + " ?) order by version " + order
                        + " fetch first ? rows only",
                VERSION, operatorId, soraletId, after, after, fetch);
    }

    boolean deleteVersion(String operatorId, String soraletId, long version) {
        return jdbc.update("delete from soralet_version where operator_id = ? and soralet_id = ? and version = ?",
                operatorId, soraletId, version) > 0;
    }

    // --- logs ---

    void insertLog(String operatorId, String soraletId, long version, String message, long createdTime) {
        jdbc.update("insert into soralet_log (operator_id, soralet_id, version, message, created_time) values (?, ?, ?, ?, ?)",
                operatorId, soraletId, version, message, createdTime);
    }

    /** A page of the logs written at or after {@code since} (ms). */
    List<LogRow> logPage(String operatorId, String soraletId, long since, boolean ascending, Long after, int fetch) {
        String order = ascending ? "asc" : "desc";
        String cmp = ascending ? ">" : "<";
        return jdbc.query("select * from soralet_log where operator_id = ? and soralet_id = ? and created_time >= ?"
                        + " and (cast(? as bigint) is null or log_id " + cmp + " ?) order by log_id " + order
                        + " fetch first ? rows only",
                LOG, operatorId, soraletId, since, after, after, fetch);
    }
}
