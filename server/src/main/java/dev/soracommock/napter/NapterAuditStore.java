package dev.soracommock.napter;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The Napter audit log (table {@code napter_audit_log}): appended, read newest first. */
@Repository
class NapterAuditStore {

    /** One entry: a mapping's change or a step of a client's connection. */
    record Entry(long id, String operatorId, String imsi, String type, String connectionId, boolean tls,
            String sourceIp, Integer sourcePort, String destinationIp, Integer destinationPort, String mappingIp,
            int mappingPort, long createdAt) {
    }

    private final JdbcTemplate jdbc;

    NapterAuditStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(Entry e) {
        jdbc.update("insert into napter_audit_log (operator_id, imsi, entry_type, connection_id, tls, source_ip,"
                + " source_port, destination_ip, destination_port, mapping_ip, mapping_port, created_at)"
                + " values (?,?,?,?,?,?,?,?,?,?,?,?)", e.operatorId(), e.imsi(), e.type(), e.connectionId(), e.tls(),
                e.sourceIp(), e.sourcePort(), e.destinationIp(), e.destinationPort(), e.mappingIp(), e.mappingPort(),
                e.createdAt());
    }

    /** Removes the mapping's EXPIRED entry still ahead of {@code now} (the mapping was deleted before it expired). */
    void removePendingExpiry(String operatorId, String mappingIp, int mappingPort, long now) {
        jdbc.update("delete from napter_audit_log where operator_id = ? and mapping_ip = ? and mapping_port = ?"
                + " and entry_type = 'EXPIRED' and created_at > ?", operatorId, mappingIp, mappingPort, now);
    }

    /**
     * The operator's entries dated up to {@code now}, newest first, narrowed by IMSI and time, after the entry at
     * ({@code afterTime}, {@code afterId}) when given.
     */
    List<Entry> page(String operatorId, long now, String imsi, Long from, Long to, Long afterTime, Long afterId,
            int fetch) {
        StringBuilder sql = new StringBuilder("select id, operator_id, imsi, entry_type, connection_id, tls, source_ip,"
                + " source_port, destination_ip, destination_port, mapping_ip, mapping_port, created_at"
                + " from napter_audit_log where operator_id = ? and created_at <= ?");
        List<Object> args = new ArrayList<>(List.of(operatorId, now));
        if (imsi != null) {
            sql.append(" and imsi = ?");
            args.add(imsi);
        }
        if (from != null) {
            sql.append(" and created_at >= ?");
            args.add(from);
        }
        if (to != null) {
            sql.append(" and created_at <= ?");
            args.add(to);
        }
        if (afterTime != null) {
            sql.append(" and (created_at < ? or (created_at = ? and id < ?))");
            args.addAll(List.of(afterTime, afterTime, afterId));
        }
        sql.append(" order by created_at desc, id desc fetch first ").append(fetch).append(" rows only");
        return jdbc.query(sql.toString(), (rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getString(7), (Integer) rs.getObject(8),
                rs.getString(9), (Integer) rs.getObject(10), rs.getString(11), rs.getInt(12), rs.getLong(13)),
                args.toArray());
    }
}
