package dev.soracommock.subscriber;

import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.Identifiers;
import dev.soracommock.kernel.SimIdentifiers;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.Paging.Page;
import dev.soracommock.kernel.Paging.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SIMs and subscribers: creation (sandbox and virtual), registration, the status lifecycle and everything else a
 * SIM has. Every method that touches an operator's SIM takes the operator ID first.
 */
@Service
public class SimService {

    /** A SIM named through either view: by SIM ID ({@code /sims/{sim_id}}) or by IMSI ({@code /subscribers/{imsi}}). */
    record Ref(String simId, String imsi) {
        static Ref sim(String simId) {
            return new Ref(simId, null);
        }

        static Ref imsi(String imsi) {
            return new Ref(null, imsi);
        }
    }

    static final String APN = "soracom-sandbox.io";

    /** Status transitions allowed besides "stay" (soracom-facts §4.1); terminate is checked separately. */
    private static final Map<String, Set<String>> TRANSITIONS = Map.of(
            "ready", Set.of("active", "inactive", "standby", "suspended", "terminated"),
            "active", Set.of("inactive", "suspended", "terminated"),
            "inactive", Set.of("active", "standby", "suspended", "terminated"),
            "standby", Set.of("active", "inactive", "suspended", "terminated"),
            "suspended", Set.of("active", "inactive", "standby", "terminated"),
            "terminated", Set.of());

    private final SimStore sims;
    private final SubscriptionStore subscriptions;
    private final StatusChangeStore history;
    private final SessionEventStore events;
    private final SmsStore sms;
    private final SimQueries queries;
    private final ObjectProvider<GroupDirectory> groups;
    private final Identifiers ids;
    private final SimIdentifiers simIds;
    private final MockClock clock;
    private final ApplicationEventPublisher publisher;

    SimService(SimStore sims, SubscriptionStore subscriptions, StatusChangeStore history,
            SessionEventStore events, SmsStore sms, SimQueries queries, ObjectProvider<GroupDirectory> groups, Identifiers ids,
            SimIdentifiers simIds, MockClock clock, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.sims = sims;
        this.subscriptions = subscriptions;
        this.history = history;
        this.events = events;
        this.sms = sms;
        this.queries = queries;
        this.groups = groups;
        this.ids = ids;
        this.simIds = simIds;
        this.clock = clock;
    }

    // --- creation and registration ---

    /**
     * A sandbox SIM as {@code /sandbox/subscribers/create} mints it (soracom-facts §3.4): not owned by anyone until it
     * is registered; IMSI = ICCID = SIM ID.
     */
    @Transactional
    Sim createSandbox(String subscription, List<String> bundles) {
        String plan = subscription == null ? Plans.DEFAULT_SANDBOX_SUBSCRIPTION : subscription;
        List<String> b = bundles == null ? List.of() : bundles;
        for (String bundle : b) {
            if (!Plans.bundleFits(bundle, plan)) {
                throw new ApiException(ErrorCode.BUNDLE_NOT_AVAILABLE, bundle, plan);
            }
        }
        long now = clock.nowMillis();
        String imsi = simIds.imsi();
        String msisdn = simIds.msisdn();
        String serial = simIds.serialNumber();
        String ip = simIds.ipAddress();
        Sim sim = new Sim(imsi, null, "ready", Plans.defaultSpeedClass(plan), "uicc", "nano", serial,
                simIds.registrationSecret(), now);
        sim.addSubscription(imsi, imsi, msisdn, plan, b, APN, ip, true);
        return sims.save(sim);
    }

    /**
     * A virtual SIM ({@code POST /sims}, planArc01): owned by the caller from the start, status {@code ready}.
     * [UNKNOWN] identifier formats of Arc SIMs: SIM ID = ICCID = {@code 8942} + 15 digits, IMSI {@code 00101} + 10
     * digits, no MSISDN (data only), no serial number.
     */
    @Transactional
    Sim createVirtual(String operatorId, String subscription) {
        long now = clock.nowMillis();
        String simId = simIds.virtualSimId();
        String imsi = simIds.imsi();
        String ip = simIds.ipAddress();
        Sim sim = new Sim(simId, operatorId, "ready", Plans.defaultSpeedClass(subscription), "virtual", "virtual", null,
                null, now);
        sim.register(operatorId, now);
        sim.addSubscription(imsi, simId, null, subscription, List.of(), APN, ip, true);
        sims.save(sim);
        record(sim, now);
        return sim;
    }

    /**
     * A SIM shipped with an order becomes the caller's subscriber: status {@code ready}, with the identifiers the
     * order minted and the order's initial setting for its subscription (speed class, group, tags) applied.
     */
    @Transactional
    Sim registerOrdered(String operatorId, String simId, String imsi, String iccid, String msisdn, String serialNumber,
            String subscription, List<String> bundles, String speedClass, String groupId, Map<String, String> tags) {
        if (sims.existsBySimId(simId) || subscriptions.existsByImsi(imsi)) {
            throw new ApiException(ErrorCode.ALREADY_REGISTERED);
        }
        String plan = subscription == null ? Plans.DEFAULT_SANDBOX_SUBSCRIPTION : subscription;
        String speed = speedClass == null ? Plans.defaultSpeedClass(plan) : speedClass;
        if (!Plans.speedClasses(plan).contains(speed)) {
            throw new ApiException(ErrorCode.SPEED_CLASS_NOT_AVAILABLE, speed, plan);
        }
        String group = groupId == null || groupId.isEmpty() ? null : checkGroup(operatorId, groupId);
        long now = clock.nowMillis();
        String ip = simIds.ipAddress();
        Sim sim = new Sim(simId, operatorId, "ready", speed, "uicc", "nano", serialNumber, simIds.registrationSecret(), now);
        sim.register(operatorId, now);
        sim.addSubscription(imsi, iccid, msisdn, plan, bundles == null ? List.of() : bundles, APN, ip, true);
        sim.group(group, now);
        if (tags != null && !tags.isEmpty()) {
            sim.putTags(tags, now);
        }
        sims.save(sim);
        record(sim, now);
        return sim;
    }

    /** Registers an unowned SIM to the caller: status {@code ready}, group and tags applied. */
    @Transactional
    Sim register(String operatorId, Ref ref, String registrationSecret, String groupId, Map<String, String> tags) {
        Sim sim;
        if (ref.imsi() != null) {
            sim = subscriptions.findByOperatorIdIsNullAndImsi(ref.imsi()).map(Subscription::sim).orElse(null);
            if (sim == null) {
                throw new ApiException(subscriptions.existsByImsi(ref.imsi()) ? ErrorCode.ALREADY_REGISTERED
                        : ErrorCode.SUBSCRIBER_NOT_FOUND);
            }
        } else {
            sim = sims.findByOperatorIdIsNullAndSimId(ref.simId()).orElse(null);
            if (sim == null) {
                throw new ApiException(sims.existsBySimId(ref.simId()) ? ErrorCode.ALREADY_REGISTERED
                        : ErrorCode.SIM_NOT_FOUND);
            }
        }
        if (registrationSecret == null || !registrationSecret.equals(sim.registrationSecret())) {
            throw new ApiException(ErrorCode.REGISTRATION_SECRET_INVALID);
        }
        String group = groupId == null || groupId.isEmpty() ? null : checkGroup(operatorId, groupId);
        long now = clock.nowMillis();
        sim.register(operatorId, now);
        sim.group(group, now);
        if (tags != null && !tags.isEmpty()) {
            sim.putTags(tags, now);
        }
        sims.save(sim);
        record(sim, now);
        return sim;
    }

    // --- reads ---

    @Transactional
    Sim get(String operatorId, Ref ref) {
        return load(operatorId, ref);
    }

    /** The caller's SIM if there is one (never throws for a missing SIM: the soralet source look-up). */
    @Transactional
    java.util.Optional<Sim> find(String operatorId, Ref ref) {
        java.util.Optional<Sim> found = ref.imsi() != null
                ? subscriptions.findByOperatorIdAndImsi(operatorId, ref.imsi()).map(Subscription::sim)
                : sims.findByOperatorIdAndSimId(operatorId, ref.simId());
        found.ifPresent(this::applyDueExpiry);
        return found;
    }

    @Transactional(readOnly = true)
    Page<Sim> list(String operatorId, PageRequest page) {
        List<Sim> fetched = sims.page(operatorId, page.after(), page.fetchSize());
        return Page.of(fetched, page, Sim::simId);
    }

    /** The operator's SIMs of some speed classes (an empty list: no filter). */
    @Transactional(readOnly = true)
    Page<Sim> list(String operatorId, List<String> speedClasses, PageRequest page) {
        if (speedClasses.isEmpty()) {
            return list(operatorId, page);
        }
        return Page.of(sims.pageOfSpeedClasses(operatorId, speedClasses, page.after(), page.fetchSize()), page, Sim::simId);
    }

    /** The SIMs of one of the operator's groups (what {@code GET /groups/{id}/subscribers} lists). */
    @Transactional(readOnly = true)
    Page<Sim> inGroup(String operatorId, String groupId, PageRequest page) {
        return Page.of(sims.pageInGroup(operatorId, groupId, page.after(), page.fetchSize()), page, Sim::simId);
    }

    /**
     * No transaction of its own (the hot read of {@code GET /subscribers}): the page, then its SIMs' subscriptions and
     * tags, are three statements, each seeing what is committed, as in a read-committed read-only transaction, without
     * the begin and commit around them.
     */
    Page<Subscription> listSubscribers(String operatorId, SimQueries.SubscriberFilter filter, PageRequest page) {
        List<Subscription> fetched = queries.listSubscribers(operatorId, filter, page.after(), page.fetchSize());
        return Page.of(fetched, page, Subscription::imsi);
    }

    /**
     * The search of {@code /query/sims} and {@code /query/subscribers}, keyed by SIM ID. {@code group} matches group
     * names through the groups domain when it is there, and group IDs (partially) in any case.
     */
    @Transactional(readOnly = true)
    Page<Sim> search(String operatorId, List<SimQueries.Term> terms, boolean or, Boolean online, PageRequest page) {
        GroupDirectory directory = groups.getIfAvailable();
        SimQueries.Search search = new SimQueries.Search(terms, or, online,
                name -> directory == null ? List.of() : directory.groupIdsWithNameContaining(operatorId, name));
        List<Sim> fetched = queries.search(operatorId, search, page.after(), page.fetchSize());
        return Page.of(fetched, page, Sim::simId);
    }

    // --- status lifecycle ---

    @Transactional
    Sim changeStatus(String operatorId, Ref ref, String target) {
        Sim sim = load(operatorId, ref);
        String from = sim.status();
        if (from.equals("terminated")) {
            throw new ApiException(ErrorCode.SUBSCRIBER_TERMINATED);
        }
        if (target.equals("standby") && !Plans.canStandBy(sim.primary().subscription())) {
            throw new ApiException(ErrorCode.STANDBY_NOT_SUPPORTED);
        }
        if (target.equals("terminated") && !sim.terminationEnabled()) {
            throw new ApiException(ErrorCode.TERMINATION_DISABLED);
        }
        if (from.equals(target)) {
            return sim; // already there: nothing changes, nothing is recorded
        }
        if (!TRANSITIONS.getOrDefault(from, Set.of()).contains(target)) {
            throw new ApiException(ErrorCode.STATUS_TRANSITION_NOT_ALLOWED, from, target);
        }
        long now = clock.nowMillis();
        List<Object> changes = new ArrayList<>();
        sim.status(target, now);
        if (target.equals("terminated") && sim.online()) {
            endSession(sim, now, changes);
        }
        record(sim, now);
        statusChanged(sim, from, now, changes);
        return save(sim, changes);
    }

    @Transactional
    Sim setTerminationEnabled(String operatorId, Ref ref, boolean enabled) {
        Sim sim = load(operatorId, ref);
        if (sim.status().equals("terminated")) {
            throw new ApiException(ErrorCode.SUBSCRIBER_TERMINATED);
        }
        sim.terminationEnabled(enabled, clock.nowMillis());
        return sims.save(sim);
    }

    // --- speed class, bundles, group, tags, expiry, IMEI lock ---

    @Transactional
    Sim updateSpeedClass(String operatorId, Ref ref, String speedClass) {
        Sim sim = load(operatorId, ref);
        if (sim.status().equals("terminated")) {
            throw new ApiException(ErrorCode.SUBSCRIBER_TERMINATED);
        }
        String subscription = sim.primary().subscription();
        if (!Plans.speedClasses(subscription).contains(speedClass)) {
            throw new ApiException(ErrorCode.SPEED_CLASS_NOT_AVAILABLE, speedClass, subscription);
        }
        List<Object> changes = new ArrayList<>();
        if (!speedClass.equals(sim.speedClass())) {
            long now = clock.nowMillis();
            String old = sim.speedClass();
            sim.speedClass(speedClass, now);
            record(sim, now);
            if (sim.operatorId() != null) {
                changes.add(new SimSpeedClassChanged(sim.operatorId(), sim.simId(), sim.primary().imsi(), old,
                        speedClass, now));
            }
        }
        return save(sim, changes);
    }

    @Transactional
    Sim setGroup(String operatorId, Ref ref, String groupId) {
        Sim sim = load(operatorId, ref);
        String group = checkGroup(operatorId, groupId == null ? "" : groupId);
        long now = clock.nowMillis();
        if (!group.equals(sim.groupId())) {
            sim.group(group, now);
            record(sim, now);
        }
        return sims.save(sim);
    }

    @Transactional
    Sim unsetGroup(String operatorId, Ref ref) {
        Sim sim = load(operatorId, ref);
        if (sim.groupId() == null) {
            throw new ApiException(ErrorCode.NOT_IN_GROUP);
        }
        long now = clock.nowMillis();
        sim.group(null, now);
        record(sim, now);
        return sims.save(sim);
    }

    @Transactional
    Sim putTags(String operatorId, Ref ref, Map<String, String> tags) {
        Sim sim = load(operatorId, ref);
        sim.putTags(tags, clock.nowMillis());
        return sims.save(sim);
    }

    @Transactional
    void deleteTag(String operatorId, Ref ref, String tagName) {
        Sim sim = load(operatorId, ref);
        if (!sim.removeTag(tagName, clock.nowMillis())) {
            throw new ApiException(ErrorCode.TAG_NOT_FOUND);
        }
        sims.save(sim);
    }

    @Transactional
    Sim setExpiry(String operatorId, Ref ref, long expiryTime, String action) {
        Sim sim = load(operatorId, ref);
        long now = clock.nowMillis();
        if (expiryTime <= now) {
            throw new ApiException(ErrorCode.EXPIRY_TIME_IN_PAST);
        }
        if ("terminate".equals(action) && !sim.terminationEnabled()) {
            throw new ApiException(ErrorCode.EXPIRY_TERMINATE_PROTECTED);
        }
        sim.expiry(expiryTime, action, now);
        return sims.save(sim);
    }

    @Transactional
    Sim unsetExpiry(String operatorId, Ref ref) {
        Sim sim = load(operatorId, ref);
        sim.expiry(null, null, clock.nowMillis());
        return sims.save(sim);
    }

    /** Locks to {@code imei}; a blank IMEI means "the IMEI of the current session", so the SIM must be online. */
    @Transactional
    Sim setImeiLock(String operatorId, Ref ref, String imei) {
        Sim sim = load(operatorId, ref);
        String lock = imei == null ? "" : imei.trim();
        if (lock.isEmpty()) {
            if (!sim.online() || sim.sessionImei() == null) {
                throw new ApiException(ErrorCode.IMEI_INVALID);
            }
            lock = sim.sessionImei();
        } else if (!lock.matches("\\d{14,16}")) {
            throw new ApiException(ErrorCode.IMEI_INVALID);
        }
        sim.imeiLock(true, lock, clock.nowMillis());
        return sims.save(sim);
    }

    @Transactional
    Sim unsetImeiLock(String operatorId, Ref ref) {
        Sim sim = load(operatorId, ref);
        sim.imeiLock(false, null, clock.nowMillis());
        return sims.save(sim);
    }

    @Transactional
    Sim putBundles(String operatorId, Ref ref, List<String> bundles) {
        Sim sim = load(operatorId, ref);
        Subscription sub = subscriptionOf(sim, ref);
        for (String bundle : bundles) {
            if (!Plans.bundleFits(bundle, sub.subscription())) {
                throw new ApiException(ErrorCode.BUNDLE_NOT_AVAILABLE, bundle, sub.subscription());
            }
        }
        sub.bundles(bundles);
        sim.touch(clock.nowMillis());
        return sims.save(sim);
    }

    // --- sessions, SMS, local info ---

    @Transactional
    Sim deleteSession(String operatorId, Ref ref) {
        Sim sim = load(operatorId, ref);
        if (!sim.online()) {
            throw new ApiException(ErrorCode.SUBSCRIBER_OFFLINE);
        }
        List<Object> changes = new ArrayList<>();
        endSession(sim, clock.nowMillis(), changes);
        return save(sim, changes);
    }

    @Transactional // not read-only: loading the SIM carries out a due expiry, which writes
    Page<SessionEvent> sessionEvents(String operatorId, Ref ref, Long fromMs, Long toMs, PageRequest page) {
        Sim sim = load(operatorId, ref);
        long from = fromMs == null ? 0 : fromMs;
        long to = toMs == null ? Long.MAX_VALUE : toMs;
        Long after = key(page.after());
        List<SessionEvent> fetched = ref.imsi() != null
                ? events.pageByImsi(operatorId, ref.imsi(), from, to, after, page.fetchSize())
                : events.pageBySim(operatorId, sim.simId(), from, to, after, page.fetchSize());
        return Page.of(fetched, page, e -> String.valueOf(e.id()));
    }

    @Transactional // not read-only: loading the SIM carries out a due expiry, which writes
    Page<StatusChange> statusHistory(String operatorId, String simId, Long fromMs, Long toMs, boolean ascending,
            PageRequest page) {
        load(operatorId, Ref.sim(simId));
        long from = fromMs == null ? 0 : fromMs;
        long to = toMs == null ? Long.MAX_VALUE : toMs;
        Long after = key(page.after());
        List<StatusChange> fetched = ascending
                ? history.pageAsc(operatorId, simId, from, to, after, page.fetchSize())
                : history.pageDesc(operatorId, simId, from, to, after, page.fetchSize());
        return Page.of(fetched, page, c -> String.valueOf(c.id()));
    }

    /** How many of the operator's SIMs are in each status (statuses without a SIM left out): the resource summaries. */
    @Transactional(readOnly = true)
    public Map<String, Long> countByStatus(String operatorId) {
        return new java.util.TreeMap<>(sims.countByStatus(operatorId));
    }

    /** One recorded status of an operator's SIM: what billing charges by. */
    public record StatusRecord(String simId, String imsi, String status, String subscription, long appliedAt) {
    }

    /** The status records of all the operator's SIMs applied before {@code beforeMs}, per SIM, oldest first. */
    @Transactional(readOnly = true)
    public List<StatusRecord> statusRecords(String operatorId, long beforeMs) {
        return history.appliedBefore(operatorId, beforeMs).stream()
                .map(c -> new StatusRecord(c.simId(), c.imsi(), c.status(), c.subscription(), c.appliedAt())).toList();
    }

    /** Keeps the message (nothing is delivered) and returns its ID. */
    @Transactional
    String sendSms(String operatorId, Ref ref, Integer encodingType, String payload) {
        Sim sim = load(operatorId, ref);
        Subscription sub = subscriptionOf(sim, ref);
        String messageId = ids.uuid().toString();
        sms.save(new SmsMessage(messageId, operatorId, sim.simId(), sub.imsi(), encodingType == null ? 2 : encodingType,
                payload, clock.nowMillis()));
        return messageId;
    }

    /** A kept SMS of the operator (to hand it to the SIM's device). */
    @Transactional(readOnly = true)
    java.util.Optional<SmsMessage> keptSms(String operatorId, String messageId) {
        return sms.findByOperatorIdAndMessageId(operatorId, messageId);
    }

    @Transactional
    String sendSmsByMsisdn(String operatorId, String msisdn, Integer encodingType, String payload) {
        Subscription sub = subscriptions.findByOperatorIdAndMsisdn(operatorId, msisdn)
                .orElseThrow(() -> new ApiException(ErrorCode.SUBSCRIBER_NOT_FOUND));
        return sendSms(operatorId, Ref.imsi(sub.imsi()), encodingType, payload);
    }

    @Transactional
    Sim reportLocalInfo(String operatorId, Ref ref) {
        Sim sim = load(operatorId, ref);
        sim.localInfoReported(clock.nowMillis());
        return sims.save(sim);
    }

    // --- device side (/_mock) ---

    /** Puts a SIM online (a new session, unless it is online already) or offline; the SIM ID alone names it. */
    @Transactional
    Sim deviceSession(String simId, boolean online, String imei, String ip, String cellJson) {
        Sim sim = sims.findBySimId(simId).orElseThrow(() -> new ApiException(ErrorCode.SIM_NOT_FOUND));
        long now = clock.nowMillis();
        List<Object> changes = new ArrayList<>();
        if (online) {
            String previousImei = sim.sessionImei();
            if (sim.online()) {
                endSession(sim, now, changes);
            }
            String sessionId = ids.uuid().toString();
            String ueIp = ip != null ? ip : sim.primary().ipAddress();
            sim.sessionStarted(sessionId, imei, ueIp, cellJson, now);
            if (sim.operatorId() != null) {
                events.save(new SessionEvent(sim, "Created", sessionId, imei, ueIp, now));
                changes.add(new SimSessionChanged(sim.operatorId(), sim.simId(), sim.primary().imsi(),
                        "Created", now, imei, previousImei, sim.imeiLockSet() ? sim.imeiLock() : null));
            }
        } else if (sim.online()) {
            endSession(sim, now, changes);
        }
        return save(sim, changes);
    }

    /** What another domain's device side needs of a SIM (its primary subscription, its session, its group). */
    public record DeviceSim(String operatorId, String simId, String imsi, String msisdn, String imei, String status,
            boolean online, String groupId, String speedClass) {
    }

    /**
     * The SIM as its device sees it, the SIM ID alone naming it (the /_mock device routes); 404 SEM0002 when no
     * operator owns such a SIM. A due expiry is carried out first.
     */
    @Transactional
    public DeviceSim deviceSim(String simId) {
        Sim sim = sims.findBySimId(simId).filter(s -> s.operatorId() != null)
                .orElseThrow(() -> new ApiException(ErrorCode.SIM_NOT_FOUND));
        applyDueExpiry(sim);
        Subscription primary = sim.primary();
        return new DeviceSim(sim.operatorId(), sim.simId(), primary.imsi(), primary.msisdn(), sim.sessionImei(),
                sim.status(), sim.online(), sim.groupId(), sim.speedClass());
    }

    /** One of the operator's SIMs as its device sees it; 404 SEM0002 when the operator has no such SIM. */
    @Transactional // not read-only: loading the SIM carries out a due expiry, which writes
    DeviceSim ownedSim(String operatorId, String simId) {
        Sim sim = load(operatorId, Ref.sim(simId));
        Subscription primary = sim.primary();
        return new DeviceSim(sim.operatorId(), sim.simId(), primary.imsi(), primary.msisdn(), sim.sessionImei(),
                sim.status(), sim.online(), sim.groupId(), sim.speedClass());
    }

    @Transactional(readOnly = true)
    List<SmsMessage> smsOf(String simId) {
        Sim sim = sims.findBySimId(simId).orElseThrow(() -> new ApiException(ErrorCode.SIM_NOT_FOUND));
        return sms.findByOperatorIdAndSimIdOrderByCreatedAtAscMessageIdAsc(sim.operatorId(), simId);
    }

    // --- what event handlers read and do (the eventhandler domain) ---

    /** What an event handler needs to know of a SIM: its primary IMSI, group, status, speed class and expiry. */
    public record SimFacts(String operatorId, String simId, String imsi, String groupId, String status,
            String speedClass, Long expiryTime) {
    }

    private static SimFacts facts(Sim sim) {
        return new SimFacts(sim.operatorId(), sim.simId(), sim.primary().imsi(), sim.groupId(), sim.status(),
                sim.speedClass(), sim.expiryTime());
    }

    /** One of the operator's SIMs by SIM ID (empty when the operator has none such). */
    @Transactional(readOnly = true)
    public java.util.Optional<SimFacts> simFacts(String operatorId, String simId) {
        return sims.findByOperatorIdAndSimId(operatorId, simId).map(SimService::facts);
    }

    /** The operator's SIM that has this IMSI (any of its subscriptions), with that IMSI. */
    @Transactional(readOnly = true)
    public java.util.Optional<SimFacts> subscriberFacts(String operatorId, String imsi) {
        return subscriptions.findByOperatorIdAndImsi(operatorId, imsi).map(sub -> {
            SimFacts f = facts(sub.sim());
            return new SimFacts(f.operatorId(), f.simId(), imsi, f.groupId(), f.status(), f.speedClass(), f.expiryTime());
        });
    }

    /** The operator's SIMs whose expiry time lies in ({@code afterMs}, {@code untilMs}]. */
    @Transactional(readOnly = true)
    public List<SimFacts> expiringBetween(String operatorId, long afterMs, long untilMs) {
        return sims.findByOperatorIdAndExpiryTimeGreaterThanAndExpiryTimeLessThanEqual(operatorId, afterMs, untilMs)
                .stream().map(SimService::facts).toList();
    }

    /**
     * Moves one of the operator's SIMs to a status as the API would (status history, events); answers null when done,
     * else why not (nothing changed): an event handler's action records it instead of failing the caller.
     */
    @Transactional
    public String applyStatus(String operatorId, String simId, String status) {
        try {
            changeStatus(operatorId, Ref.sim(simId), status);
            return null;
        } catch (ApiException e) {
            return e.getMessage();
        }
    }

    /** The same for a speed class. */
    @Transactional
    public String applySpeedClass(String operatorId, String simId, String speedClass) {
        try {
            updateSpeedClass(operatorId, Ref.sim(simId), speedClass);
            return null;
        } catch (ApiException e) {
            return e.getMessage();
        }
    }

    /** The same for an IMEI lock to the IMEI of the current session. */
    @Transactional
    public String applyImeiLock(String operatorId, String simId) {
        try {
            setImeiLock(operatorId, Ref.sim(simId), "");
            return null;
        } catch (ApiException e) {
            return e.getMessage();
        }
    }

    // --- helpers ---

    /**
     * Ends the SIM's session and records the session event; the application event is added to {@code changes}, to be
     * published once the SIM is saved ({@link #save(Sim, List)}).
     */
    private void endSession(Sim sim, long now, List<Object> changes) {
        String sessionId = sim.sessionId();
        String imei = sim.sessionImei();
        String ip = sim.sessionIp();
        sim.sessionEnded(now);
        if (sim.operatorId() != null) {
            events.save(new SessionEvent(sim, "Deleted", sessionId, imei, ip, now));
            changes.add(new SimSessionChanged(sim.operatorId(), sim.simId(), sim.primary().imsi(), "Deleted",
                    now, imei, null, sim.imeiLockSet() ? sim.imeiLock() : null));
        }
    }

    /**
     * Writes the SIM (nothing is written unless saved), then publishes the application events of its changes: a
     * listener that reads the SIM again reads what was saved.
     */
    private Sim save(Sim sim, List<Object> changes) {
        sims.save(sim);
        changes.forEach(publisher::publishEvent);
        return sim;
    }

    /** The caller's SIM, with a due expiry carried out first. */
    Sim load(String operatorId, Ref ref) {
        Sim sim;
        if (ref.imsi() != null) {
            sim = subscriptions.findByOperatorIdAndImsi(operatorId, ref.imsi()).map(Subscription::sim)
                    .orElseThrow(() -> new ApiException(ErrorCode.SUBSCRIBER_NOT_FOUND));
        } else {
            sim = sims.findByOperatorIdAndSimId(operatorId, ref.simId())
                    .orElseThrow(() -> new ApiException(ErrorCode.SIM_NOT_FOUND));
        }
        applyDueExpiry(sim);
        return sim;
    }

    /**
     * Carries out the expiry action once the (mock) clock has passed the expiry time, when the SIM is next addressed
     * by itself (not in lists or searches), and clears the expiry [UNKNOWN: whether the real service keeps it].
     * An action the SIM's state does not allow (e.g. terminate under termination protection) does nothing.
     */
    private void applyDueExpiry(Sim sim) {
        long now = clock.nowMillis();
        if (sim.expiryTime() == null || sim.expiryTime() > now || sim.status().equals("terminated")) {
            return;
        }
        String action = sim.expiryAction();
        String target = action == null ? null : switch (action) {
            case "deactivate" -> "inactive";
            case "suspend" -> "suspended";
            case "terminate" -> sim.terminationEnabled() ? "terminated" : null;
            default -> null;
        };
        List<Object> changes = new ArrayList<>();
        if ("deleteSession".equals(action) && sim.online()) {
            endSession(sim, now, changes);
        }
        sim.expiry(null, null, now);
        if (target != null && !target.equals(sim.status())) {
            String from = sim.status();
            sim.status(target, now);
            if (target.equals("terminated") && sim.online()) {
                endSession(sim, now, changes);
            }
            record(sim, now);
            statusChanged(sim, from, now, changes);
        }
        save(sim, changes);
    }

    private static Subscription subscriptionOf(Sim sim, Ref ref) {
        if (ref.imsi() == null) {
            return sim.primary();
        }
        return sim.subscriptions().stream().filter(s -> s.imsi().equals(ref.imsi())).findFirst().orElseThrow();
    }

    private String checkGroup(String operatorId, String groupId) {
        GroupDirectory directory = groups.getIfAvailable();
        if (groupId.isEmpty() || directory == null || !directory.exists(operatorId, groupId)) {
            throw new ApiException(ErrorCode.GROUP_NOT_FOUND);
        }
        return groupId;
    }

    private static void statusChanged(Sim sim, String from, long now, List<Object> changes) {
        if (sim.operatorId() != null) {
            changes.add(new SimStatusChanged(sim.operatorId(), sim.simId(), sim.primary().imsi(), from, sim.status(),
                    now));
        }
    }

    private void record(Sim sim, long now) {
        history.save(new StatusChange(sim, now));
    }

    private static Long key(String after) {
        if (after == null) {
            return null;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
