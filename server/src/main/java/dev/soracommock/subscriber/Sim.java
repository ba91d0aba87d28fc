package dev.soracommock.subscriber;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/**
 * A SIM, stored once: its state (status, speed class, group, expiry, IMEI lock, session) and its subscriptions
 * (IMSIs) and tags. The subscriber view ({@code /subscribers/{imsi}}) and the SIM view ({@code /sims/{sim_id}}) are
 * both made from it. {@code operatorId} is null while a sandbox SIM is not registered yet.
 */
@Entity
@Table(name = "sim")
class Sim {

    @Id
    @Column(name = "sim_id")
    private String simId;

    @Column(name = "operator_id")
    private String operatorId;

    private String status;

    @Column(name = "speed_class")
    private String speedClass;

    @Column(name = "sim_type")
    private String simType;

    @Column(name = "module_type")
    private String moduleType;

    @Column(name = "serial_number")
    private String serialNumber;

    @Column(name = "registration_secret")
    private String registrationSecret;

    @Column(name = "group_id")
    private String groupId;

    @Column(name = "termination_enabled")
    private boolean terminationEnabled;

    @Column(name = "expiry_time")
    private Long expiryTime;

    @Column(name = "expiry_action")
    private String expiryAction;

    @Column(name = "imei_lock")
    private String imeiLock;

    @Column(name = "imei_lock_set")
    private boolean imeiLockSet;

    private boolean online;

    @Column(name = "session_id")
    private String sessionId;

    @Column(name = "session_imei")
    private String sessionImei;

    @Column(name = "session_ip")
    private String sessionIp;

    @Column(name = "session_cell")
    private String sessionCell;

    @Column(name = "session_created_at")
    private Long sessionCreatedAt;

    @Column(name = "session_updated_at")
    private Long sessionUpdatedAt;

    @Column(name = "prev_session_id")
    private String prevSessionId;

    @Column(name = "prev_imei")
    private String prevImei;

    @Column(name = "prev_ip")
    private String prevIp;

    @Column(name = "prev_cell")
    private String prevCell;

    @Column(name = "prev_created_at")
    private Long prevCreatedAt;

    @Column(name = "prev_deleted_at")
    private Long prevDeletedAt;

    @Column(name = "local_info_reported_at")
    private Long localInfoReportedAt;

    @Column(name = "created_at")
    private long createdAt;

    @Column(name = "modified_at")
    private long modifiedAt;

    @Column(name = "registered_at")
    private Long registeredAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "sim", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("primary desc, imsi asc")
    @BatchSize(size = 100)
    private List<Subscription> subscriptions = new ArrayList<>();

    @OneToMany(mappedBy = "sim", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    private Set<SimTag> tags = new LinkedHashSet<>();

    protected Sim() {
    }

    Sim(String simId, String operatorId, String status, String speedClass, String simType, String moduleType,
            String serialNumber, String registrationSecret, long now) {
        this.simId = simId;
        this.operatorId = operatorId;
        this.status = status;
        this.speedClass = speedClass;
        this.simType = simType;
        this.moduleType = moduleType;
        this.serialNumber = serialNumber;
        this.registrationSecret = registrationSecret;
        this.createdAt = now;
        this.modifiedAt = now;
    }

    Subscription addSubscription(String imsi, String iccid, String msisdn, String subscription, List<String> bundles,
            String apn, String ipAddress, boolean primary) {
        Subscription s = new Subscription(this, imsi, iccid, msisdn, subscription, bundles, apn, ipAddress, primary);
        subscriptions.add(s);
        return s;
    }

    // --- reads ---

    String simId() { return simId; }
    String operatorId() { return operatorId; }
    String status() { return status; }
    String speedClass() { return speedClass; }
    String simType() { return simType; }
    String moduleType() { return moduleType; }
    String serialNumber() { return serialNumber; }
    String registrationSecret() { return registrationSecret; }
    String groupId() { return groupId; }
    boolean terminationEnabled() { return terminationEnabled; }
    Long expiryTime() { return expiryTime; }
    String expiryAction() { return expiryAction; }
    boolean imeiLockSet() { return imeiLockSet; }
    String imeiLock() { return imeiLock; }
    boolean online() { return online; }
    String sessionId() { return sessionId; }
    String sessionImei() { return sessionImei; }
    String sessionIp() { return sessionIp; }
    String sessionCell() { return sessionCell; }
    Long sessionCreatedAt() { return sessionCreatedAt; }
    Long sessionUpdatedAt() { return sessionUpdatedAt; }
    String prevSessionId() { return prevSessionId; }
    String prevImei() { return prevImei; }
    String prevIp() { return prevIp; }
    String prevCell() { return prevCell; }
    Long prevCreatedAt() { return prevCreatedAt; }
    Long prevDeletedAt() { return prevDeletedAt; }
    Long localInfoReportedAt() { return localInfoReportedAt; }
    long createdAt() { return createdAt; }
    long modifiedAt() { return modifiedAt; }
    Long registeredAt() { return registeredAt; }

    List<Subscription> subscriptions() {
        return subscriptions;
    }

    Subscription primary() {
        return subscriptions.stream().filter(Subscription::primary).findFirst().orElse(subscriptions.get(0));
    }

    /** Tags by name, in name order. */
    Map<String, String> tags() {
        Map<String, String> out = new LinkedHashMap<>();
        tags.stream().sorted(java.util.Comparator.comparing(SimTag::name)).forEach(t -> out.put(t.name(), t.value()));
        return out;
    }

    // --- changes (the service checks the rules first) ---

    void touch(long now) {
        this.modifiedAt = now;
    }

    void register(String operatorId, long now) {
        this.operatorId = operatorId;
        this.status = "ready";
        this.registeredAt = now;
        this.registrationSecret = null;
        subscriptions.forEach(s -> s.owner(operatorId));
        tags.forEach(t -> t.owner(operatorId));
        touch(now);
    }

    void status(String status, long now) {
        this.status = status;
        touch(now);
    }

    void speedClass(String speedClass, long now) {
        this.speedClass = speedClass;
        touch(now);
    }

    void terminationEnabled(boolean enabled, long now) {
        this.terminationEnabled = enabled;
        touch(now);
    }

    void group(String groupId, long now) {
        this.groupId = groupId;
        touch(now);
    }

    void expiry(Long time, String action, long now) {
        this.expiryTime = time;
        this.expiryAction = action;
        touch(now);
    }

    void imeiLock(boolean set, String imei, long now) {
        this.imeiLockSet = set;
        this.imeiLock = set ? imei : null;
        touch(now);
    }

    /** Merges tags (an existing name gets the new value). */
    void putTags(Map<String, String> newTags, long now) {
        newTags.forEach((name, value) -> {
            SimTag existing = tags.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
            if (existing != null) {
                existing.value(value);
            } else {
                tags.add(new SimTag(this, name, value));
            }
        });
        touch(now);
    }

    boolean removeTag(String name, long now) {
        boolean removed = tags.removeIf(t -> t.name().equals(name));
        if (removed) {
            touch(now);
        }
        return removed;
    }

    void sessionStarted(String sessionId, String imei, String ip, String cell, long now) {
        this.online = true;
        this.sessionId = sessionId;
        this.sessionImei = imei;
        this.sessionIp = ip;
        this.sessionCell = cell;
        this.sessionCreatedAt = now;
        this.sessionUpdatedAt = now;
        touch(now);
    }

    void sessionEnded(long now) {
        this.prevSessionId = sessionId;
        this.prevImei = sessionImei;
        this.prevIp = sessionIp;
        this.prevCell = sessionCell;
        this.prevCreatedAt = sessionCreatedAt;
        this.prevDeletedAt = now;
        this.online = false;
        this.sessionId = null;
        this.sessionIp = null;
        this.sessionCell = null;
        this.sessionCreatedAt = null;
        this.sessionUpdatedAt = now;
        touch(now);
    }

    void localInfoReported(long now) {
        this.localInfoReportedAt = now;
        touch(now);
    }
}
