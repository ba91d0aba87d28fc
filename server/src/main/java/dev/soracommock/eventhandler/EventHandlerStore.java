package dev.soracommock.eventhandler;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Event handlers ({@code event_handler}), scoped to an operator (first argument); the exceptions are commented. */
@Repository
class EventHandlerStore {

    private static final RowMapper<EventHandler> HANDLER = (rs, i) -> EventHandler.stored(rs.getString("handler_id"),
            rs.getString("operator_id"),
            new EventHandler.Definition(rs.getString("name"), rs.getString("description"), rs.getString("status"),
                    rs.getString("target_imsi"), rs.getString("target_sim_id"), rs.getString("target_group_id"),
                    rs.getString("target_operator_id"), rs.getString("rule_type"), rs.getString("rule_config"),
                    rs.getString("action_config_list")),
            rs.getLong("created_at"), rs.getLong("updated_at"));

    private static final String COLUMNS = "handler_id, operator_id, name, description, status, target_imsi, target_sim_id,"
            + " target_group_id, target_operator_id, rule_type, rule_config, action_config_list, created_at, updated_at";

    private final JdbcClient jdbc;

    EventHandlerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<EventHandler> findByOperatorIdAndHandlerId(String operatorId, String handlerId) {
        return jdbc.sql("select " + COLUMNS + " from event_handler where operator_id = :operatorId"
                        + " and handler_id = :handlerId")
                .param("operatorId", operatorId).param("handlerId", handlerId).query(HANDLER).optional();
    }

    /** The operator's handlers, oldest first (then by ID). */
    List<EventHandler> findByOperatorIdOrderByCreatedAtAscHandlerIdAsc(String operatorId) {
        return jdbc.sql("select " + COLUMNS + " from event_handler where operator_id = :operatorId"
                        + " order by created_at, handler_id")
                .param("operatorId", operatorId).query(HANDLER).list();
    }

    /** The operator's active handlers of these rule types, oldest first (then by ID). */
    List<EventHandler> active(String operatorId, Collection<String> ruleTypes) {
        return jdbc.sql("select " + COLUMNS + " from event_handler where operator_id = :operatorId and status = 'active'"
                        + " and rule_type in (:ruleTypes) order by created_at, handler_id")
                .param("operatorId", operatorId).param("ruleTypes", List.copyOf(ruleTypes)).query(HANDLER).list();
    }

    /**
     * Not scoped: a move of the emulator's clock belongs to no operator; it asks which operators have active handlers
     * of these rule types (expiry rules), then works within each of them.
     */
    List<String> operatorsWithActive(Collection<String> ruleTypes) {
        return jdbc.sql("select distinct operator_id from event_handler where status = 'active'"
                        + " and rule_type in (:ruleTypes) order by operator_id")
                .param("ruleTypes", List.copyOf(ruleTypes)).query(String.class).list();
    }

    /**
     * Not scoped: the control API ({@code /_mock/event-handlers/{handler_id}/firings}) has no caller; the handler ID
     * alone names the handler, as the SIM ID names a SIM on the device routes.
     */
    Optional<EventHandler> findByHandlerId(String handlerId) {
        return jdbc.sql("select " + COLUMNS + " from event_handler where handler_id = :handlerId")
                .param("handlerId", handlerId).query(HANDLER).optional();
    }

    /** Not scoped: a new handler ID must be unique across operators (it is the table's primary key). */
    boolean existsByHandlerId(String handlerId) {
        return jdbc.sql("select count(*) from event_handler where handler_id = :handlerId")
                .param("handlerId", handlerId).query(Long.class).single() > 0;
    }

    /** Inserts a new handler or updates a stored one (everything but its identity and creation time). */
    EventHandler save(EventHandler h) {
        if (!h.persisted()) {
            jdbc.sql("""
                            insert into event_handler (handler_id, operator_id, name, description, status, target_imsi,
                              target_sim_id, target_group_id, target_operator_id, rule_type, rule_config,
                              action_config_list, created_at, updated_at)
                            values (:handlerId, :operatorId, :name, :description, :status, :targetImsi,
                              :targetSimId, :targetGroupId, :targetOperatorId, :ruleType, :ruleConfig,
                              :actionConfigList, :createdAt, :updatedAt)""")
                    .param("handlerId", h.handlerId()).param("operatorId", h.operatorId()).param("name", h.name())
                    .param("description", h.description()).param("status", h.status())
                    .param("targetImsi", h.targetImsi()).param("targetSimId", h.targetSimId())
                    .param("targetGroupId", h.targetGroupId()).param("targetOperatorId", h.targetOperatorId())
                    .param("ruleType", h.ruleType()).param("ruleConfig", h.ruleConfig())
                    .param("actionConfigList", h.actionConfigList()).param("createdAt", h.createdAt())
                    .param("updatedAt", h.updatedAt()).update();
            h.stored();
            return h;
        }
        jdbc.sql("""
                        update event_handler set name = :name, description = :description, status = :status,
                          target_imsi = :targetImsi, target_sim_id = :targetSimId, target_group_id = :targetGroupId,
                          target_operator_id = :targetOperatorId, rule_type = :ruleType, rule_config = :ruleConfig,
                          action_config_list = :actionConfigList, updated_at = :updatedAt
                        where operator_id = :operatorId and handler_id = :handlerId""")
                .param("name", h.name()).param("description", h.description()).param("status", h.status())
                .param("targetImsi", h.targetImsi()).param("targetSimId", h.targetSimId())
                .param("targetGroupId", h.targetGroupId()).param("targetOperatorId", h.targetOperatorId())
                .param("ruleType", h.ruleType()).param("ruleConfig", h.ruleConfig())
                .param("actionConfigList", h.actionConfigList()).param("updatedAt", h.updatedAt())
                .param("operatorId", h.operatorId()).param("handlerId", h.handlerId()).update();
        return h;
    }

    /** Deletes the handler; its ignore list and re-arm times go with it (ON DELETE CASCADE). */
    void delete(EventHandler h) {
        jdbc.sql("delete from event_handler where operator_id = :operatorId and handler_id = :handlerId")
                .param("operatorId", h.operatorId()).param("handlerId", h.handlerId()).update();
    }
}
