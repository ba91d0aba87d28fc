package dev.soracommock.capture;

import dev.soracommock.kernel.Paging;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Packet capture sessions (table {@code packet_capture_session}), always scoped to an operator (first argument) and,
 * but for the file, to a SIM.
 */
@Repository
class CaptureSessionStore {

    private static final String COLUMNS = "id, session_id, operator_id, sim_id, prefix, duration_seconds, created_at,"
            + " ends_at, stopped, version";

    private static final RowMapper<CaptureSession> ROW = (rs, i) -> CaptureSession.fromRow(rs.getLong(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getLong(7),
            rs.getLong(8), rs.getBoolean(9), rs.getLong(10));

    private final JdbcClient jdbc;

    CaptureSessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CaptureSession> findByOperatorIdAndSimIdAndSessionId(String operatorId, String simId, String sessionId) {
        return jdbc.sql("select " + COLUMNS + " from packet_capture_session"
                + " where operator_id = :operatorId and sim_id = :simId and session_id = :sessionId")
                .param("operatorId", operatorId).param("simId", simId).param("sessionId", sessionId)
                .query(ROW).optional();
    }

    /**
     * Not scoped to an operator: the capture file's URL names the session alone, as a pre-signed download URL does
     * (the session ID is a random UUID).
     */
    Optional<CaptureSession> findBySessionId(String sessionId) {
        return jdbc.sql("select " + COLUMNS + " from packet_capture_session where session_id = :sessionId")
                .param("sessionId", sessionId).query(ROW).optional();
    }

    /**
     * The SIM's sessions in the order they were created, with an ID above {@code afterId} (0: from the first), at most
     * {@code limit} of them.
     */
    List<CaptureSession> page(String operatorId, String simId, long afterId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from packet_capture_session"
                + " where operator_id = :operatorId and sim_id = :simId and id > :afterId"
                + " order by id" + Paging.fetchFirst(limit))
                .param("operatorId", operatorId).param("simId", simId).param("afterId", afterId)
                .param("fetchSize", limit).query(ROW).list();
    }

    /** The SIM's sessions still capturing at {@code now}. */
    List<CaptureSession> capturing(String operatorId, String simId, long now) {
        return jdbc.sql("select " + COLUMNS + " from packet_capture_session"
                + " where operator_id = :operatorId and sim_id = :simId and ends_at > :now")
                .param("operatorId", operatorId).param("simId", simId).param("now", now).query(ROW).list();
    }

    /**
     * Inserts a new session or updates a read one, if its row still has the version read.
     *
     * @throws OptimisticLockingFailureException when the row was changed (or deleted) since it was read
     */
    CaptureSession save(CaptureSession s) {
        if (s.id() == null) {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("insert into packet_capture_session (session_id, operator_id, sim_id, prefix, duration_seconds,"
                    + " created_at, ends_at, stopped, version) values (:sessionId, :operatorId, :simId, :prefix,"
                    + " :durationSeconds, :createdAt, :endsAt, :stopped, :version)")
                    .param("sessionId", s.sessionId())
                    .param("operatorId", s.operatorId())
                    .param("simId", s.simId())
                    .param("prefix", s.prefix())
                    .param("durationSeconds", s.durationSeconds())
                    .param("createdAt", s.createdAt())
                    .param("endsAt", s.endsAt())
                    .param("stopped", s.stopped())
                    .param("version", s.version())
                    .update(keys, "id");
            s.inserted(keys.getKey().longValue());
            return s;
        }
        int updated = jdbc.sql("update packet_capture_session set ends_at = :endsAt, stopped = :stopped,"
                + " version = version + 1 where operator_id = :operatorId and id = :id and version = :version")
                .param("endsAt", s.endsAt())
                .param("stopped", s.stopped())
                .param("operatorId", s.operatorId())
                .param("id", s.id())
                .param("version", s.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("packet capture session " + s.sessionId()
                    + " was changed or deleted since it was read (version " + s.version() + ")");
        }
        s.updated();
        return s;
    }

    void delete(CaptureSession s) {
        jdbc.sql("delete from packet_capture_session where operator_id = :operatorId and id = :id")
                .param("operatorId", s.operatorId()).param("id", s.id()).update();
    }
}
