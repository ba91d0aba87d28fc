package dev.soracommock.subscriber;

import dev.soracommock.kernel.Paging;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Session events of SIMs (table {@code sim_session_event}), newest first, scoped to the operator. */
@Repository
class SessionEventStore {

    private static final String COLUMNS = "select id, operator_id, sim_id, imsi, event, session_id, imei, ue_ip,"
            + " subscription, apn, event_time from sim_session_event";

    private static final RowMapper<SessionEvent> EVENT = (rs, i) -> new SessionEvent(rs.getLong("id"),
            rs.getString("operator_id"), rs.getString("sim_id"), rs.getString("imsi"), rs.getString("event"),
            rs.getString("session_id"), rs.getString("imei"), rs.getString("ue_ip"), rs.getString("subscription"),
            rs.getString("apn"), rs.getLong("event_time"));

    private final JdbcClient jdbc;

    SessionEventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SessionEvent> pageBySim(String operatorId, String simId, long fromMs, long toMs, Long after, int fetchSize) {
        return jdbc.sql(COLUMNS + " where operator_id = :operatorId and sim_id = :simId"
                        + " and event_time >= :fromMs and event_time <= :toMs"
                        + " and (cast(:after as bigint) is null or id < :after) order by id desc"
                        + Paging.fetchFirst(fetchSize))
                .param("operatorId", operatorId).param("simId", simId).param("fromMs", fromMs).param("toMs", toMs)
                .param("after", after).param("fetchSize", fetchSize).query(EVENT).list();
    }

    List<SessionEvent> pageByImsi(String operatorId, String imsi, long fromMs, long toMs, Long after, int fetchSize) {
        return jdbc.sql(COLUMNS + " where operator_id = :operatorId and imsi = :imsi"
                        + " and event_time >= :fromMs and event_time <= :toMs"
                        + " and (cast(:after as bigint) is null or id < :after) order by id desc"
                        + Paging.fetchFirst(fetchSize))
                .param("operatorId", operatorId).param("imsi", imsi).param("fromMs", fromMs).param("toMs", toMs)
                .param("after", after).param("fetchSize", fetchSize).query(EVENT).list();
    }

    void save(SessionEvent e) {
        jdbc.sql("insert into sim_session_event (operator_id, sim_id, imsi, event, session_id, imei, ue_ip,"
                        + " subscription, apn, event_time) values (:operatorId, :simId, :imsi, :event, :sessionId, :imei,"
                        + " :ueIp, :subscription, :apn, :time)")
                .param("operatorId", e.operatorId()).param("simId", e.simId()).param("imsi", e.imsi())
                .param("event", e.event()).param("sessionId", e.sessionId()).param("imei", e.imei())
                .param("ueIp", e.ueIp()).param("subscription", e.subscription()).param("apn", e.apn())
                .param("time", e.time()).update();
    }
}
