package dev.soracommock.napter;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The port mappings (table {@code port_mapping}): created, read and removed, never changed. */
@Repository
class PortMappingStore {

    /** One mapping; {@code ipRanges} is the JSON array of {@code source.ipRanges}. */
    record Mapping(long id, String operatorId, String ipAddress, int port, String simId, String imsi, String strategy,
            int destinationPort, long durationSeconds, boolean tlsRequired, String ipRanges, long createdAt,
            long expiresAt) {

        boolean expiredAt(long now) {
            return now >= expiresAt;
        }
    }

    private static final String COLUMNS = "id, operator_id, ip_address, port, sim_id, imsi, strategy, destination_port,"
            + " duration_seconds, tls_required, ip_ranges, created_at, expires_at";

    private static final RowMapper<Mapping> ROW = (rs, i) -> new Mapping(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
            rs.getLong(9), rs.getBoolean(10), rs.getString(11), rs.getLong(12), rs.getLong(13));

    private final JdbcTemplate jdbc;

    PortMappingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(Mapping m) {
        jdbc.update("insert into port_mapping (operator_id, ip_address, port, sim_id, imsi, strategy, destination_port,"
                + " duration_seconds, tls_required, ip_ranges, created_at, expires_at) values (?,?,?,?,?,?,?,?,?,?,?,?)",
                m.operatorId(), m.ipAddress(), m.port(), m.simId(), m.imsi(), m.strategy(), m.destinationPort(),
                m.durationSeconds(), m.tlsRequired(), m.ipRanges(), m.createdAt(), m.expiresAt());
    }

    /** Whether any operator's mapping holds this address and port (they are unique across operators). */
    boolean taken(String ipAddress, int port) {
        Integer n = jdbc.queryForObject("select count(*) from port_mapping where ip_address = ? and port = ?",
                Integer.class, ipAddress, port);
        return n != null && n > 0;
    }

    Optional<Mapping> find(String operatorId, String ipAddress, int port) {
        return jdbc.query("select " + COLUMNS + " from port_mapping where operator_id = ? and ip_address = ? and port = ?",
                ROW, operatorId, ipAddress, port).stream().findFirst();
    }

    /**
     * The mapping at this address and port, whoever's: only for the control route that simulates a client (it has no
     * caller; the address names the mapping as it does for a real client).
     */
    Optional<Mapping> findAtAddress(String ipAddress, int port) {
        return jdbc.query("select " + COLUMNS + " from port_mapping where ip_address = ? and port = ?", ROW,
                ipAddress, port).stream().findFirst();
    }

    /** The operator's live mappings (not expired at {@code now}), oldest first, after row {@code afterId}. */
    List<Mapping> live(String operatorId, long now, long afterId, int fetch) {
        return jdbc.query("select " + COLUMNS + " from port_mapping where operator_id = ? and expires_at > ? and id > ?"
                + " order by id fetch first " + fetch + " rows only", ROW, operatorId, now, afterId);
    }

    /** The live mappings of one of the operator's SIMs, oldest first. */
    List<Mapping> liveOfSim(String operatorId, String simId, long now) {
        return jdbc.query("select " + COLUMNS + " from port_mapping where operator_id = ? and sim_id = ? and expires_at > ?"
                + " order by id", ROW, operatorId, simId, now);
    }

    void remove(String operatorId, long id) {
        jdbc.update("delete from port_mapping where operator_id = ? and id = ?", operatorId, id);
    }

    /** Forgets the operator's mappings that expired before {@code now}. */
    void removeExpired(String operatorId, long now) {
        jdbc.update("delete from port_mapping where operator_id = ? and expires_at <= ?", operatorId, now);
    }
}
