package dev.soracommock.subscriber;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A SIM, stored once: its state (status, speed class, group, expiry, IMEI lock, session) and its subscriptions
 * (IMSIs) and tags. The subscriber view ({@code /subscribers/{imsi}}) and the SIM view ({@code /sims/{sim_id}}) are
 * both made from it. {@code operatorId} is null while a sandbox SIM is not registered yet.
 */
class Sim {

    private final String simId;
    private String operatorId;
    private String status;
    private String speedClass;
    private final String simType;
    private final String moduleType;
    private final String serialNumber;
    private String registrationSecret;
    private String groupId;
    private boolean terminationEnabled;
    private Long expiryTime;
    private String expiryAction;
    private String imeiLock;
    private boolean imeiLockSet;
    // the current session (online) and the last ended one (previousSession)
    private boolean online;
    private String sessionId;
    private String sessionImei;
    private String sessionIp;
    private String sessionCell;
    private Long sessionCreatedAt;
    private Long sessionUpdatedAt;
    private String prevSessionId;
    private String prevImei;
    private String prevIp;
    private String prevCell;
    private Long prevCreatedAt;
    private Long prevDeletedAt;
    private Long localInfoReportedAt;
    private final long createdAt;
    private long modifiedAt;
    private Long registeredAt;

    /** Subscriptions, primary first, then by IMSI (as {@link SimStore} reads them), new ones last. */
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Set<SimTag> tags = new LinkedHashSet<>();

    // --- what SimStore needs to write it: optimistic lock, insert or update, what changed since read ---
    private long version;
    private boolean persisted;
    private boolean changed;
    private boolean tagsChanged;

    /** A new SIM (not stored yet). */
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

    /** A SIM as stored (a row of {@code sim}); {@link SimStore} attaches its subscriptions and tags. */
    Sim(String simId, String operatorId, String status, String speedClass, String simType, String moduleType,
            String serialNumber, String registrationSecret, String groupId, boolean terminationEnabled,
            Long expiryTime, String expiryAction, String imeiLock, boolean imeiLockSet, boolean online,
            String sessionId, String sessionImei, String sessionIp, String sessionCell, Long sessionCreatedAt,
            Long sessionUpdatedAt, String prevSessionId, String prevImei, String prevIp, String prevCell,
            Long prevCreatedAt, Long prevDeletedAt, Long localInfoReportedAt, long createdAt, long modifiedAt,
            Long registeredAt, long version) {
        this.simId = simId;
        this.operatorId = operatorId;
        this.status = status;
        this.speedClass = speedClass;
        this.simType = simType;
        this.moduleType = moduleType;
        this.serialNumber = serialNumber;
        this.registrationSecret = registrationSecret;
        this.groupId = groupId;
        this.terminationEnabled = terminationEnabled;
        this.expiryTime = expiryTime;
        this.expiryAction = expiryAction;
        this.imeiLock = imeiLock;
        this.imeiLockSet = imeiLockSet;
        this.online = online;
        this.sessionId = sessionId;
        this.sessionImei = sessionImei;
        this.sessionIp = sessionIp;
        this.sessionCell = sessionCell;
        this.sessionCreatedAt = sessionCreatedAt;
        this.sessionUpdatedAt = sessionUpdatedAt;
        this.prevSessionId = prevSessionId;
        this.prevImei = prevImei;
        this.prevIp = prevIp;
        this.prevCell = prevCell;
        this.prevCreatedAt = prevCreatedAt;
        this.prevDeletedAt = prevDeletedAt;
        this.localInfoReportedAt = localInfoReportedAt;
        this.createdAt = createdAt;
        this.modifiedAt = modifiedAt;
        this.registeredAt = registeredAt;
        this.version = version;
        this.persisted = true;
    }

    /** The stored subscriptions and tags of a SIM just read (SimStore). */
    void attach(Collection<Subscription> storedSubscriptions, Collection<SimTag> storedTags) {
        subscriptions.clear();
        tags.clear();
        for (Subscription s : storedSubscriptions) {
            s.sim(this);
            subscriptions.add(s);
        }
        for (SimTag t : storedTags) {
            t.sim(this);
            tags.add(t);
        }
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

    /** The subscriptions, primary first, then by IMSI; read-only (a subscription is added, never removed). */
    List<Subscription> subscriptions() {
        return Collections.unmodifiableList(subscriptions);
    }

    /** The tags (SimStore writes them). */
    Collection<SimTag> tagRows() {
        return Collections.unmodifiableSet(tags);
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
        this.changed = true;
    }

    void register(String operatorId, long now) {
        this.operatorId = operatorId;
        this.status = "ready";
        this.registeredAt = now;
        this.registrationSecret = null;
        subscriptions.forEach(s -> s.owner(operatorId));
        tags.forEach(t -> t.owner(operatorId));
        tagsChanged |= !tags.isEmpty();
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
        tagsChanged = true;
        touch(now);
    }

    boolean removeTag(String name, long now) {
        boolean removed = tags.removeIf(t -> t.name().equals(name));
        if (removed) {
            tagsChanged = true;
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

    // --- storage state (SimStore) ---

    long version() { return version; }

    /** Whether the SIM is in the table already (save updates it) or new (save inserts it). */
    boolean persisted() { return persisted; }

    /** Whether a change was made since the SIM was read or last written (a rule method touched it). */
    boolean changed() { return changed; }

    /** Whether its tags changed since it was read or last written. */
    boolean tagsChanged() { return tagsChanged; }

    /** Written at {@code version}: what is in memory is what is stored. */
    void stored(long version) {
        this.version = version;
        this.persisted = true;
        this.changed = false;
        this.tagsChanged = false;
        subscriptions.forEach(Subscription::stored);
    }
}
