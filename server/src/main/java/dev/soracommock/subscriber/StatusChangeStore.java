package dev.soracommock.subscriber;

import dev.soracommock.kernel.Paging;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Status history of SIMs (table {@code sim_status_history}), scoped to the operator. */
@Repository
class StatusChangeStore {

    private static final String COLUMNS = "select id, operator_id, sim_id, imsi, status, speed_class, subscription,"
            + " bundles, group_id, applied_at from sim_status_history";

    private static final RowMapper<StatusChange> CHANGE = (rs, i) -> new StatusChange(rs.getLong("id"),
            rs.getString("operator_id"), rs.getString("sim_id"), rs.getString("imsi"), rs.getString("status"),
            rs.getString("speed_class"), rs.getString("subscription"), rs.getString("bundles"),
            rs.getString("group_id"), rs.getLong("applied_at"));

    private final JdbcClient jdbc;

    StatusChangeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StatusChange> pageDesc(String operatorId, String simId, long fromMs, long toMs, Long after, int fetchSize) {
        return jdbc.sql(COLUMNS + " where operator_id = :operatorId and sim_id = :simId"
                        + " and applied_at >= :fromMs and applied_at <= :toMs"
                        + " and (cast(:after as bigint) is null or id < :after) order by id desc"
                        + Paging.fetchFirst(fetchSize))
                .param("operatorId", operatorId).param("simId", simId).param("fromMs", fromMs).param("toMs", toMs)
                .param("after", after).param("fetchSize", fetchSize).query(CHANGE).list();
    }

    List<StatusChange> pageAsc(String operatorId, String simId, long fromMs, long toMs, Long after, int fetchSize) {
        return jdbc.sql(COLUMNS + " where operator_id = :operatorId and sim_id = :simId"
                        + " and applied_at >= :fromMs and applied_at <= :toMs"
                        + " and (cast(:after as bigint) is null or id > :after) order by id asc"
                        + Paging.fetchFirst(fetchSize))
                .param("operatorId", operatorId).param("simId", simId).param("fromMs", fromMs).param("toMs", toMs)
                .param("after", after).param("fetchSize", fetchSize).query(CHANGE).list();
    }

    /** Every change of the operator's SIMs applied before {@code beforeMs}, per SIM in the order applied (billing). */
    List<StatusChange> appliedBefore(String operatorId, long beforeMs) {
        return jdbc.sql(COLUMNS + " where operator_id = :operatorId and applied_at < :beforeMs"
                        + " order by sim_id, applied_at, id")
                .param("operatorId", operatorId).param("beforeMs", beforeMs).query(CHANGE).list();
    }

    void save(StatusChange c) {
        jdbc.sql("insert into sim_status_history (operator_id, sim_id, imsi, status, speed_class, subscription,"
                        + " bundles, group_id, applied_at) values (:operatorId, :simId, :imsi, :status, :speedClass,"
                        + " :subscription, :bundles, :groupId, :appliedAt)")
                .param("operatorId", c.operatorId()).param("simId", c.simId()).param("imsi", c.imsi())
                .param("status", c.status()).param("speedClass", c.speedClass())
                .param("subscription", c.subscription()).param("bundles", c.bundlesColumn())
                .param("groupId", c.groupId()).param("appliedAt", c.appliedAt()).update();
    }
}
