package dev.soracommock.device;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The Funnel / Funk deliveries of device messages (table {@code device_delivery}), appended and listed. */
@Repository
class DeliveryStore {

    /** One recorded delivery. */
    record Delivery(long id, String operatorId, String simId, String imsi, String service, String destination,
            String credentialsId, String contentType, byte[] body, long createdAt) {
    }

    private final JdbcTemplate jdbc;

    DeliveryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(String operatorId, String simId, String imsi, String service, String destination, String credentialsId,
            String contentType, byte[] body, long now) {
        jdbc.update("insert into device_delivery (operator_id, sim_id, imsi, service, destination, credentials_id,"
                + " content_type, body, created_at) values (?,?,?,?,?,?,?,?,?)", operatorId, simId, imsi, service,
                destination, credentialsId, contentType, body, now);
    }

    /**
     * Deliveries, oldest first, optionally of one operator, SIM and service. Not scoped to a caller: the control API
     * has none, and the filters are the test's.
     */
    List<Delivery> list(String operatorId, String simId, String service) {
        StringBuilder sql = new StringBuilder("select id, operator_id, sim_id, imsi, service, destination, credentials_id,"
                + " content_type, body, created_at from device_delivery where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (operatorId != null) {
            sql.append(" and operator_id = ?");
            args.add(operatorId);
        }
        if (simId != null) {
            sql.append(" and sim_id = ?");
            args.add(simId);
        }
        if (service != null) {
            sql.append(" and service = ?");
            args.add(service);
        }
        sql.append(" order by id");
        return jdbc.query(sql.toString(), (rs, i) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9),
                rs.getLong(10)), args.toArray());
    }
}
