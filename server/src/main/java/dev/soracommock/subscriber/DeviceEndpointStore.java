package dev.soracommock.subscriber;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code sim_device_endpoint}: where each SIM's simulated device listens. Operator first. */
@Repository
class DeviceEndpointStore {

    record Endpoint(String operatorId, String simId, String baseUrl, long registeredAt) {
    }

    private final JdbcTemplate jdbc;

    DeviceEndpointStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Endpoint> find(String operatorId, String simId) {
        return jdbc.query("select operator_id, sim_id, base_url, registered_at from sim_device_endpoint"
                + " where operator_id = ? and sim_id = ?", (rs, i) -> new Endpoint(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getLong(4)), operatorId, simId).stream().findFirst();
    }

    void put(String operatorId, String simId, String baseUrl, long now) {
        delete(operatorId, simId);
        jdbc.update("insert into sim_device_endpoint (operator_id, sim_id, base_url, registered_at) values (?,?,?,?)",
                operatorId, simId, baseUrl, now);
    }

    boolean delete(String operatorId, String simId) {
        return jdbc.update("delete from sim_device_endpoint where operator_id = ? and sim_id = ?", operatorId,
                simId) > 0;
    }
}
