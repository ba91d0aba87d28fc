package dev.soracommock.oplog;

import dev.soracommock.kernel.Paging.PageRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The error log's rows (table {@code error_log}): appended, and read newest first. */
@Repository
class ErrorLogStore {

    /** One stored entry; {@code body} is the entry's JSON object as text. */
    record Row(long id, String operatorId, String resourceType, String resourceId, String service, String logLevel,
            String body, long time) {

        LogKey key() {
            return new LogKey(time, id);
        }
    }

    /** What the list is narrowed to; null values do not narrow it. */
    record Filter(String resourceType, String resourceId, String service, Long from, Long to) {
    }

    private final JdbcTemplate jdbc;

    ErrorLogStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(String operatorId, String resourceType, String resourceId, String service, String logLevel, String body,
            long time) {
        jdbc.update("insert into error_log (operator_id, resource_type, resource_id, service, log_level, body, logged_at)"
                + " values (?,?,?,?,?,?,?)", operatorId, resourceType, resourceId, service, logLevel, body, time);
    }

    /** The operator's entries logged at or after {@code oldest}, newest first, after {@code after} when given. */
    List<Row> page(String operatorId, Filter filter, long oldest, LogKey after, PageRequest page) {
        StringBuilder sql = new StringBuilder("select id, operator_id, resource_type, resource_id, service, log_level,"
                + " body, logged_at from error_log where operator_id = ? and logged_at >= ?");
        List<Object> args = new ArrayList<>(List.of(operatorId, oldest));
        if (filter.resourceType() != null) {
            sql.append(" and resource_type = ?");
            args.add(filter.resourceType());
        }
        if (filter.resourceId() != null) {
            sql.append(" and resource_id = ?");
            args.add(filter.resourceId());
        }
        if (filter.service() != null) {
            sql.append(" and service = ?");
            args.add(filter.service());
        }
        if (filter.from() != null) {
            sql.append(" and logged_at >= ?");
            args.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and logged_at <= ?");
            args.add(filter.to());
        }
        if (after != null) {
            sql.append(" and (logged_at < ? or (logged_at = ? and id < ?))");
            args.addAll(List.of(after.time(), after.time(), after.id()));
        }
        sql.append(" order by logged_at desc, id desc fetch first ").append(page.fetchSize()).append(" rows only");
        return jdbc.query(sql.toString(), (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8)), args.toArray());
    }
}
