package dev.soracommock.subscriber;

import dev.soracommock.kernel.Paging;
import dev.soracommock.kernel.StateChanges;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SIMs (table {@code sim}) with their subscriptions ({@code sim_subscription}) and tags ({@code sim_tag}): a SIM is
 * read with both, a page of SIMs with one query for the page and one for each kind of child of the whole page, never
 * one per SIM. Every look-up of an operator's SIM takes the operator ID first; the exceptions are commented. Every
 * write tells {@link StateChanges} (the SIM reads are {@link SimReads}, answered again while nothing changed).
 */
@Repository
class SimStore {

    /** The columns of {@code sim} as {@link #SIM} reads them, for {@code sim s}. */
    static final String SIM_COLUMNS = "s.sim_id, s.operator_id, s.status, s.speed_class, s.sim_type, s.module_type,"
            + " s.serial_number, s.registration_secret, s.group_id, s.termination_enabled, s.expiry_time,"
            + " s.expiry_action, s.imei_lock, s.imei_lock_set, s.online, s.session_id, s.session_imei, s.session_ip,"
            + " s.session_cell, s.session_created_at, s.session_updated_at, s.prev_session_id, s.prev_imei, s.prev_ip,"
            + " s.prev_cell, s.prev_created_at, s.prev_deleted_at, s.local_info_reported_at, s.created_at,"
            + " s.modified_at, s.registered_at, s.version";

    /** A row of {@link #SIM_COLUMNS}, without its children. */
    static final RowMapper<Sim> SIM = (rs, i) -> new Sim(rs.getString("sim_id"), rs.getString("operator_id"),
            rs.getString("status"), rs.getString("speed_class"), rs.getString("sim_type"), rs.getString("module_type"),
            rs.getString("serial_number"), rs.getString("registration_secret"), rs.getString("group_id"),
            rs.getBoolean("termination_enabled"), nullableLong(rs, "expiry_time"), rs.getString("expiry_action"),
            rs.getString("imei_lock"), rs.getBoolean("imei_lock_set"), rs.getBoolean("online"),
            rs.getString("session_id"), rs.getString("session_imei"), rs.getString("session_ip"),
            rs.getString("session_cell"), nullableLong(rs, "session_created_at"),
            nullableLong(rs, "session_updated_at"), rs.getString("prev_session_id"), rs.getString("prev_imei"),
            rs.getString("prev_ip"), rs.getString("prev_cell"), nullableLong(rs, "prev_created_at"),
            nullableLong(rs, "prev_deleted_at"), nullableLong(rs, "local_info_reported_at"),
            rs.getLong("created_at"), rs.getLong("modified_at"), nullableLong(rs, "registered_at"),
            rs.getLong("version"));

    /** The columns of {@code sim_subscription} as {@link #SUBSCRIPTION} reads them, for {@code sim_subscription sub}. */
    static final String SUBSCRIPTION_COLUMNS = "sub.imsi, sub.sim_id, sub.operator_id, sub.iccid, sub.msisdn,"
            + " sub.subscription, sub.bundles, sub.apn, sub.ip_address, sub.sms_plan, sub.is_primary";

    /** A row of {@link #SUBSCRIPTION_COLUMNS}, not attached to its SIM yet. */
    static final RowMapper<Subscription> SUBSCRIPTION = (rs, i) -> new Subscription(rs.getString("imsi"),
            rs.getString("operator_id"), rs.getString("iccid"), rs.getString("msisdn"), rs.getString("subscription"),
            rs.getString("bundles"), rs.getString("apn"), rs.getString("ip_address"), rs.getInt("sms_plan"),
            rs.getBoolean("is_primary"));

    private static final RowMapper<SimTag> TAG = (rs, i) -> new SimTag(rs.getString("tag_name"),
            rs.getString("operator_id"), rs.getString("tag_value"));

    private final JdbcClient jdbc;
    private final StateChanges changes;

    SimStore(JdbcClient jdbc, StateChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    // --- reads ---

    Optional<Sim> findByOperatorIdAndSimId(String operatorId, String simId) {
        return one(jdbc.sql("select " + SIM_COLUMNS + " from sim s where s.operator_id = :operatorId and s.sim_id = :simId")
                .param("operatorId", operatorId).param("simId", simId).query(SIM).list());
    }

    /** Keyset page of an operator's SIMs in SIM ID order, after {@code after} (null: from the start). */
    List<Sim> page(String operatorId, String after, int fetchSize) {
        return withChildren(jdbc.sql("select " + SIM_COLUMNS + " from sim s where s.operator_id = :operatorId"
                        + " and (cast(:after as varchar(32)) is null or s.sim_id > :after) order by s.sim_id"
                        + Paging.fetchFirst(fetchSize))
                .param("operatorId", operatorId).param("after", after).param("fetchSize", fetchSize).query(SIM).list());
    }

    /** Keyset page of an operator's SIMs of some speed classes, in SIM ID order. */
    List<Sim> pageOfSpeedClasses(String operatorId, Collection<String> speedClasses, String after, int fetchSize) {
        return withChildren(jdbc.sql("select " + SIM_COLUMNS + " from sim s where s.operator_id = :operatorId"
                        + " and s.speed_class in (:speedClasses)"
                        + " and (cast(:after as varchar(32)) is null or s.sim_id > :after) order by s.sim_id"
                        + Paging.fetchFirst(fetchSize))
                .param("operatorId", operatorId).param("speedClasses", speedClasses).param("after", after)
                .param("fetchSize", fetchSize).query(SIM).list());
    }

    /** Keyset page of the SIMs in one of the operator's groups, in SIM ID order. */
    List<Sim> pageInGroup(String operatorId, String groupId, String after, int fetchSize) {
        return withChildren(jdbc.sql("select " + SIM_COLUMNS + " from sim s where s.operator_id = :operatorId"
                        + " and s.group_id = :groupId"
                        + " and (cast(:after as varchar(32)) is null or s.sim_id > :after) order by s.sim_id"
                        + Paging.fetchFirst(fetchSize))
                .param("operatorId", operatorId).param("groupId", groupId).param("after", after)
                .param("fetchSize", fetchSize).query(SIM).list());
    }

    /** How many of the operator's SIMs are in each status. */
    Map<String, Long> countByStatus(String operatorId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select status, count(*) from sim where operator_id = :operatorId group by status")
                .param("operatorId", operatorId)
                .query((ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** Registration: an unregistered SIM has no owner yet; the registration secret proves the caller holds it. */
    Optional<Sim> findByOperatorIdIsNullAndSimId(String simId) {
        return one(jdbc.sql("select " + SIM_COLUMNS + " from sim s where s.operator_id is null and s.sim_id = :simId")
                .param("simId", simId).query(SIM).list());
    }

    /** Device side (/_mock): the SIM ID alone, whoever owns it. */
    Optional<Sim> findBySimId(String simId) {
        return one(jdbc.sql("select " + SIM_COLUMNS + " from sim s where s.sim_id = :simId")
                .param("simId", simId).query(SIM).list());
    }

    /** Registration: whether the SIM ID exists at all (to tell "already registered" from "unknown"). */
    boolean existsBySimId(String simId) {
        return !jdbc.sql("select 1 from sim where sim_id = :simId").param("simId", simId).query(Integer.class).list()
                .isEmpty();
    }

    /** The operator's SIMs whose expiry time lies in (after, until]: expiry rules of event handlers. */
    List<Sim> findByOperatorIdAndExpiryTimeGreaterThanAndExpiryTimeLessThanEqual(String operatorId, long after,
            long until) {
        return withChildren(jdbc.sql("select " + SIM_COLUMNS + " from sim s where s.operator_id = :operatorId"
                        + " and s.expiry_time > :after and s.expiry_time <= :until")
                .param("operatorId", operatorId).param("after", after).param("until", until).query(SIM).list());
    }

    /** At most one SIM of a query on the primary key (or a unique key), with its children. */
    Optional<Sim> one(List<Sim> found) {
        return withChildren(found).stream().findFirst();
    }

    /**
     * Attaches to each SIM its subscriptions (primary first, then by IMSI) and tags, read for all of them in one query
     * each (per 1000 SIMs); returns the list. Each SIM ID is expected once (a page of subscribers passes each of its
     * SIMs once).
     */
    List<Sim> withChildren(List<Sim> sims) {
        if (sims.isEmpty()) {
            return sims;
        }
        Map<String, Sim> byId = new LinkedHashMap<>();
        sims.forEach(s -> byId.put(s.simId(), s));
        Map<String, List<Subscription>> subscriptions = new HashMap<>();
        Map<String, List<SimTag>> tags = new HashMap<>();
        for (List<String> ids : chunks(new ArrayList<>(byId.keySet()))) {
            jdbc.sql("select " + SUBSCRIPTION_COLUMNS + " from sim_subscription sub where sub.sim_id in (:ids)"
                            + " order by sub.is_primary desc, sub.imsi asc")
                    .param("ids", ids)
                    .query((ResultSet rs) -> {
                        subscriptions.computeIfAbsent(rs.getString("sim_id"), k -> new ArrayList<>())
                                .add(SUBSCRIPTION.mapRow(rs, 0));
                    });
            jdbc.sql("select sim_id, tag_name, operator_id, tag_value from sim_tag where sim_id in (:ids)")
                    .param("ids", ids)
                    .query((ResultSet rs) -> {
                        tags.computeIfAbsent(rs.getString("sim_id"), k -> new ArrayList<>()).add(TAG.mapRow(rs, 0));
                    });
        }
        byId.values().forEach(s -> s.attach(subscriptions.getOrDefault(s.simId(), List.of()),
                tags.getOrDefault(s.simId(), List.of())));
        return sims;
    }

    // --- writes ---

    /**
     * Writes the SIM and its children: a new SIM is inserted (version 0); a stored one is updated when a rule method
     * changed it, with its version checked and incremented ({@link OptimisticLockingFailureException} when someone
     * else wrote it since it was read); new subscriptions are inserted, changed ones updated; changed tags replace the
     * stored ones (nothing references {@code sim_tag}). Returns the SIM.
     */
    Sim save(Sim sim) {
        changes.changed();
        long version = sim.version();
        if (!sim.persisted()) {
            insert(sim);
            version = 0;
        } else if (sim.changed()) {
            int updated = withState(jdbc.sql("update sim set operator_id = :operatorId, status = :status,"
                            + " speed_class = :speedClass, registration_secret = :registrationSecret, group_id = :groupId,"
                            + " termination_enabled = :terminationEnabled, expiry_time = :expiryTime,"
                            + " expiry_action = :expiryAction, imei_lock = :imeiLock, imei_lock_set = :imeiLockSet,"
                            + " online = :online, session_id = :sessionId, session_imei = :sessionImei,"
                            + " session_ip = :sessionIp, session_cell = :sessionCell,"
                            + " session_created_at = :sessionCreatedAt, session_updated_at = :sessionUpdatedAt,"
                            + " prev_session_id = :prevSessionId, prev_imei = :prevImei, prev_ip = :prevIp,"
                            + " prev_cell = :prevCell, prev_created_at = :prevCreatedAt,"
                            + " prev_deleted_at = :prevDeletedAt, local_info_reported_at = :localInfoReportedAt,"
                            + " modified_at = :modifiedAt, registered_at = :registeredAt, version = version + 1"
                            + " where sim_id = :simId and version = :version"), sim)
                    .param("simId", sim.simId()).param("version", version).update();
            if (updated == 0) {
                throw new OptimisticLockingFailureException("SIM " + sim.simId() + " was changed by someone else");
            }
            version++;
        }
        for (Subscription sub : sim.subscriptions()) {
            if (!sub.persisted()) {
                jdbc.sql("insert into sim_subscription (imsi, sim_id, operator_id, iccid, msisdn, subscription, bundles,"
                                + " apn, ip_address, sms_plan, is_primary) values (:imsi, :simId, :operatorId, :iccid,"
                                + " :msisdn, :subscription, :bundles, :apn, :ipAddress, :smsPlan, :primary)")
                        .param("imsi", sub.imsi()).param("simId", sim.simId()).param("operatorId", sub.operatorId())
                        .param("iccid", sub.iccid()).param("msisdn", sub.msisdn())
                        .param("subscription", sub.subscription()).param("bundles", sub.bundlesColumn())
                        .param("apn", sub.apn()).param("ipAddress", sub.ipAddress()).param("smsPlan", sub.smsPlan())
                        .param("primary", sub.primary()).update();
            } else if (sub.changed()) {
                jdbc.sql("update sim_subscription set operator_id = :operatorId, bundles = :bundles where imsi = :imsi")
                        .param("operatorId", sub.operatorId()).param("bundles", sub.bundlesColumn())
                        .param("imsi", sub.imsi()).update();
            }
        }
        if (sim.tagsChanged() || !sim.persisted()) {
            if (sim.persisted()) {
                jdbc.sql("delete from sim_tag where sim_id = :simId").param("simId", sim.simId()).update();
            }
            for (SimTag tag : sim.tagRows()) {
                jdbc.sql("insert into sim_tag (sim_id, tag_name, operator_id, tag_value)"
                                + " values (:simId, :name, :operatorId, :value)")
                        .param("simId", sim.simId()).param("name", tag.name()).param("operatorId", tag.operatorId())
                        .param("value", tag.value()).update();
            }
        }
        sim.stored(version);
        return sim;
    }

    private void insert(Sim sim) {
        withState(jdbc.sql("insert into sim (sim_id, operator_id, status, speed_class, sim_type, module_type, serial_number,"
                        + " registration_secret, group_id, termination_enabled, expiry_time, expiry_action, imei_lock,"
                        + " imei_lock_set, online, session_id, session_imei, session_ip, session_cell,"
                        + " session_created_at, session_updated_at, prev_session_id, prev_imei, prev_ip, prev_cell,"
                        + " prev_created_at, prev_deleted_at, local_info_reported_at, created_at, modified_at,"
                        + " registered_at, version) values (:simId, :operatorId, :status, :speedClass, :simType,"
                        + " :moduleType, :serialNumber, :registrationSecret, :groupId, :terminationEnabled,"
                        + " :expiryTime, :expiryAction, :imeiLock, :imeiLockSet, :online, :sessionId, :sessionImei,"
                        + " :sessionIp, :sessionCell, :sessionCreatedAt, :sessionUpdatedAt, :prevSessionId, :prevImei,"
                        + " :prevIp, :prevCell, :prevCreatedAt, :prevDeletedAt, :localInfoReportedAt, :createdAt,"
                        + " :modifiedAt, :registeredAt, 0)"), sim)
                .param("simId", sim.simId()).param("simType", sim.simType())
                .param("moduleType", sim.moduleType()).param("serialNumber", sim.serialNumber(), Types.VARCHAR)
                .param("createdAt", sim.createdAt()).update();
    }

    /** The columns a SIM's rules change, as named parameters (typed: PostgreSQL cannot type a bare null). */
    private static JdbcClient.StatementSpec withState(JdbcClient.StatementSpec spec, Sim sim) {
        return spec.param("operatorId", sim.operatorId(), Types.VARCHAR)
                .param("status", sim.status(), Types.VARCHAR)
                .param("speedClass", sim.speedClass(), Types.VARCHAR)
                .param("registrationSecret", sim.registrationSecret(), Types.VARCHAR)
                .param("groupId", sim.groupId(), Types.VARCHAR)
                .param("terminationEnabled", sim.terminationEnabled(), Types.BOOLEAN)
                .param("expiryTime", sim.expiryTime(), Types.BIGINT)
                .param("expiryAction", sim.expiryAction(), Types.VARCHAR)
                .param("imeiLock", sim.imeiLock(), Types.VARCHAR)
                .param("imeiLockSet", sim.imeiLockSet(), Types.BOOLEAN)
                .param("online", sim.online(), Types.BOOLEAN)
                .param("sessionId", sim.sessionId(), Types.VARCHAR)
                .param("sessionImei", sim.sessionImei(), Types.VARCHAR)
                .param("sessionIp", sim.sessionIp(), Types.VARCHAR)
                .param("sessionCell", sim.sessionCell(), Types.VARCHAR)
                .param("sessionCreatedAt", sim.sessionCreatedAt(), Types.BIGINT)
                .param("sessionUpdatedAt", sim.sessionUpdatedAt(), Types.BIGINT)
                .param("prevSessionId", sim.prevSessionId(), Types.VARCHAR)
                .param("prevImei", sim.prevImei(), Types.VARCHAR)
                .param("prevIp", sim.prevIp(), Types.VARCHAR)
                .param("prevCell", sim.prevCell(), Types.VARCHAR)
                .param("prevCreatedAt", sim.prevCreatedAt(), Types.BIGINT)
                .param("prevDeletedAt", sim.prevDeletedAt(), Types.BIGINT)
                .param("localInfoReportedAt", sim.localInfoReportedAt(), Types.BIGINT)
                .param("modifiedAt", sim.modifiedAt(), Types.BIGINT)
                .param("registeredAt", sim.registeredAt(), Types.BIGINT);
    }

    // --- helpers ---

    /** IDs in chunks small enough for one IN list each (an unlimited page may hold any number of SIMs). */
    private static List<List<String>> chunks(List<String> ids) {
        int size = 1000;
        if (ids.size() <= size) {
            return List.of(ids);
        }
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += size) {
            out.add(ids.subList(i, Math.min(ids.size(), i + size)));
        }
        return out;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
