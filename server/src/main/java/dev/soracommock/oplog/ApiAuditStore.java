package dev.soracommock.oplog;

import dev.soracommock.kernel.Paging.PageRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The API audit log's rows (table {@code api_audit_log}): appended, read newest first, an operator's oldest pruned. */
@Repository
class ApiAuditStore {

    /** One call. */
    record Row(long id, String operatorId, String userName, String apiKind, String method, String requestPath,
            String remoteIp, long time) {

        LogKey key() {
            return new LogKey(time, id);
        }
    }

    private final JdbcTemplate jdbc;

    ApiAuditStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the calls, in their order, in one batch and one transaction of its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void addAll(List<ApiAuditWriter.Call> calls) {
        List<Object[]> rows = new ArrayList<>(calls.size());
        for (ApiAuditWriter.Call c : calls) {
            rows.add(new Object[] {c.operatorId(), c.userName(), c.apiKind(), c.method(), c.requestPath(), c.remoteIp(),
                    c.time()});
        }
        jdbc.batchUpdate("insert into api_audit_log (operator_id, user_name, api_kind, method, request_path, remote_ip,"
                + " requested_at) values (?,?,?,?,?,?,?)", rows);
    }

    /** The operator's calls, newest first, narrowed by kind and time, after {@code after} when given. */
    List<Row> page(String operatorId, String apiKind, Long from, Long to, LogKey after, PageRequest page) {
        StringBuilder sql = new StringBuilder("select id, operator_id, user_name, api_kind, method, request_path,"
                + " remote_ip, requested_at from api_audit_log where operator_id = ?");
        List<Object> args = new ArrayList<>(List.of(operatorId));
        if (apiKind != null) {
            sql.append(" and api_kind = ?");
            args.add(apiKind);
        }
        if (from != null) {
            sql.append(" and requested_at >= ?");
            args.add(from);
        }
        if (to != null) {
            sql.append(" and requested_at <= ?");
            args.add(to);
        }
        if (after != null) {
            sql.append(" and (requested_at < ? or (requested_at = ? and id < ?))");
            args.addAll(List.of(after.time(), after.time(), after.id()));
        }
        sql.append(" order by requested_at desc, id desc fetch first ").append(page.fetchSize()).append(" rows only");
        return jdbc.query(sql.toString(), (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8)), args.toArray());
    }

    /**
     * Removes the operator's calls but its newest {@code keep}, newest as the log lists them (time, then ID): the
     * look-up walks the index the list reads from its newest end, the delete takes the range of it below that entry.
     */
    void keepNewest(String operatorId, int keep) {
        List<LogKey> edge = jdbc.query("select requested_at, id from api_audit_log where operator_id = ?"
                + " order by requested_at desc, id desc offset ? rows fetch first 1 rows only",
                (rs, i) -> new LogKey(rs.getLong(1), rs.getLong(2)), operatorId, keep);
        if (!edge.isEmpty()) {
            LogKey oldestGone = edge.get(0);
            jdbc.update("delete from api_audit_log where operator_id = ? and requested_at <= ?"
                    + " and (requested_at < ? or id <= ?)", operatorId, oldestGone.time(), oldestGone.time(),
                    oldestGone.id());
        }
    }
}
