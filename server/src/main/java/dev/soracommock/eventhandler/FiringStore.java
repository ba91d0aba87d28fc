package dev.soracommock.eventhandler;

import java.sql.PreparedStatement;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * What event handlers did and keep beside their definitions: the ignore list, when a handler may fire again for a
 * SIM, the firings and their actions, and the mailbox. Every method takes the operator ID first, except the look-up
 * of due scheduled actions on a clock move (commented).
 */
@Repository
class FiringStore {

    /** One action of a firing, as stored. */
    record ActionRow(long actionId, String operatorId, long firingId, int position, String type, String config,
            String status, long runAt, Long ranAt, String result) {
    }

    /** One firing, as stored. */
    record FiringRow(long firingId, String operatorId, String handlerId, String imsi, String simId, String ruleType,
            String event, long firedAt) {
    }

    /** One mail, as stored. */
    record MailRow(long mailId, String operatorId, String handlerId, String actionType, String to, String title,
            String message, long createdAt) {
    }

    private final JdbcTemplate jdbc;

    FiringStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- ignore list ---

    boolean ignored(String operatorId, String handlerId, String imsi) {
        Integer n = jdbc.queryForObject("select count(*) from event_handler_ignore where operator_id = ? and handler_id = ?"
                + " and imsi = ?", Integer.class, operatorId, handlerId, imsi);
        return n != null && n > 0;
    }

    void ignore(String operatorId, String handlerId, String imsi, long now) {
        if (!ignored(operatorId, handlerId, imsi)) {
            jdbc.update("insert into event_handler_ignore (operator_id, handler_id, imsi, created_at) values (?,?,?,?)",
                    operatorId, handlerId, imsi, now);
        }
    }

    boolean unignore(String operatorId, String handlerId, String imsi) {
        return jdbc.update("delete from event_handler_ignore where operator_id = ? and handler_id = ? and imsi = ?",
                operatorId, handlerId, imsi) > 0;
    }

    // --- re-arming ---

    /** Whether the handler may fire for this key now: it never fired for it, or its re-arm time has come. */
    boolean armed(String operatorId, String handlerId, String key, long now) {
        List<Long> rearm = jdbc.query("select rearm_at from event_handler_arm where operator_id = ? and handler_id = ?"
                + " and arm_key = ?", (rs, i) -> {
                    long v = rs.getLong(1);
                    return rs.wasNull() ? null : v;
                }, operatorId, handlerId, key);
        if (rearm.isEmpty()) {
            return true;
        }
        Long at = rearm.get(0);
        return at != null && now >= at;
    }

    void fired(String operatorId, String handlerId, String key, long now, Long rearmAt) {
        jdbc.update("delete from event_handler_arm where operator_id = ? and handler_id = ? and arm_key = ?",
                operatorId, handlerId, key);
        jdbc.update("insert into event_handler_arm (operator_id, handler_id, arm_key, fired_at, rearm_at) values (?,?,?,?,?)",
                operatorId, handlerId, key, now, rearmAt);
    }

    /** A changed or deleted handler starts afresh. */
    void forget(String operatorId, String handlerId) {
        jdbc.update("delete from event_handler_arm where operator_id = ? and handler_id = ?", operatorId, handlerId);
    }

    // --- firings and their actions ---

    long firing(String operatorId, String handlerId, String imsi, String simId, String ruleType, String event, long now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("insert into event_handler_firing (operator_id, handler_id, imsi,"
                    + " sim_id, rule_type, event, fired_at) values (?,?,?,?,?,?,?)", new String[] {"firing_id"});
            ps.setString(1, operatorId);
            ps.setString(2, handlerId);
            ps.setString(3, imsi);
            ps.setString(4, simId);
            ps.setString(5, ruleType);
            ps.setString(6, event);
            ps.setLong(7, now);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    long action(String operatorId, long firingId, int position, String type, String config, String status, long runAt,
            Long ranAt, String result) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("insert into event_handler_action (operator_id, firing_id, position,"
                    + " action_type, config, status, run_at, ran_at, result) values (?,?,?,?,?,?,?,?,?)",
                    new String[] {"action_id"});
            ps.setString(1, operatorId);
            ps.setLong(2, firingId);
            ps.setInt(3, position);
            ps.setString(4, type);
            ps.setString(5, config);
            ps.setString(6, status);
            ps.setLong(7, runAt);
            if (ranAt == null) {
                ps.setNull(8, java.sql.Types.BIGINT);
            } else {
                ps.setLong(8, ranAt);
            }
            ps.setString(9, result);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    void actionDone(String operatorId, long actionId, String status, long ranAt, String result) {
        jdbc.update("update event_handler_action set status = ?, ran_at = ?, result = ? where operator_id = ?"
                + " and action_id = ?", status, ranAt, result, operatorId, actionId);
    }

    /**
     * Not scoped: on a move of the emulator's clock, the scheduled actions of every operator that are due; each is
     * then carried out within its own operator.
     */
    List<ActionRow> dueActions(long now) {
        return jdbc.query("select action_id, operator_id, firing_id, position, action_type, config, status, run_at,"
                + " ran_at, result from event_handler_action where status = 'scheduled' and run_at <= ?"
                + " order by run_at, action_id", FiringStore::action, now);
    }

    FiringRow firing(String operatorId, long firingId) {
        return jdbc.query("select firing_id, operator_id, handler_id, imsi, sim_id, rule_type, event, fired_at"
                + " from event_handler_firing where operator_id = ? and firing_id = ?", FiringStore::firing,
                operatorId, firingId).stream().findFirst().orElse(null);
    }

    List<FiringRow> firings(String operatorId, String handlerId) {
        return jdbc.query("select firing_id, operator_id, handler_id, imsi, sim_id, rule_type, event, fired_at"
                + " from event_handler_firing where operator_id = ? and handler_id = ? order by firing_id",
                FiringStore::firing, operatorId, handlerId);
    }

    List<ActionRow> actions(String operatorId, long firingId) {
        return jdbc.query("select action_id, operator_id, firing_id, position, action_type, config, status, run_at,"
                + " ran_at, result from event_handler_action where operator_id = ? and firing_id = ? order by position",
                FiringStore::action, operatorId, firingId);
    }

    /** A deleted handler's scheduled actions do not run. */
    void cancelScheduled(String operatorId, String handlerId, long now) {
        jdbc.update("update event_handler_action set status = 'skipped', ran_at = ?, result = 'the handler was deleted'"
                + " where operator_id = ? and status = 'scheduled' and firing_id in (select firing_id from"
                + " event_handler_firing where operator_id = ? and handler_id = ?)", now, operatorId, operatorId, handlerId);
    }

    // --- mailbox ---

    void mail(String operatorId, String handlerId, long firingId, String actionType, String to, String title,
            String message, long now) {
        jdbc.update("insert into event_handler_mail (operator_id, handler_id, firing_id, action_type, mail_to, title,"
                + " message, created_at) values (?,?,?,?,?,?,?,?)", operatorId, handlerId, firingId, actionType, to, title,
                message, now);
    }

    /** The mails of one operator, or of every operator when {@code operatorId} is null (the control API). */
    List<MailRow> mails(String operatorId) {
        return jdbc.query("select mail_id, operator_id, handler_id, action_type, mail_to, title, message, created_at"
                + " from event_handler_mail where (cast(? as varchar(16)) is null or operator_id = ?) order by mail_id",
                (rs, i) -> new MailRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8)), operatorId, operatorId);
    }

    private static FiringRow firing(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new FiringRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getLong(8));
    }

    private static ActionRow action(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        long ran = rs.getLong(9);
        Long ranAt = rs.wasNull() ? null : ran;
        return new ActionRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getLong(8), ranAt, rs.getString(10));
    }
}
