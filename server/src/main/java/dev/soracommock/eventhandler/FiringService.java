package dev.soracommock.eventhandler;

import dev.soracommock.api.soracom.model.ActionConfigDto;
import dev.soracommock.api.soracom.model.ActionConfigPropertyDto;
import dev.soracommock.api.soracom.model.RuleConfigPropertyDto;
import dev.soracommock.billing.BillingService;
import dev.soracommock.clock.ClockMoved;
import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.OperatorLogEntry;
import dev.soracommock.stats.StatsService;
import dev.soracommock.stats.TrafficRecorded;
import dev.soracommock.subscriber.SimService;
import dev.soracommock.subscriber.SimSessionChanged;
import dev.soracommock.subscriber.SimSpeedClassChanged;
import dev.soracommock.subscriber.SimStatusChanged;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What event handlers do: on each event (traffic recorded, a status, speed class or session change, the clock moving
 * past an expiry) the operator's active handlers of the matching rule types whose target covers the SIM are
 * evaluated; a handler whose rule holds fires for the SIM unless the SIM is on its ignore list or the handler is not
 * re-armed yet for it ({@code inactiveTimeoutDateConst}; with {@code runOnceAmongTarget} once for its whole target).
 * A firing records the event and runs each action now or schedules it ({@code executionDateTimeConst}); scheduled
 * actions run when the clock is moved past their time. Each method runs in a transaction of its own (the event that
 * started it has been committed) and answers the web requests to make outside it.
 */
@Service
public class FiringService {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    /** Why a handler fired: the event, its details, and the SIM. */
    private record Trigger(String type, Map<String, Object> details, SimService.SimFacts sim) {
    }

    private final EventHandlerStore handlers;
    private final EventHandlerService definitions;
    private final FiringStore store;
    private final SimService sims;
    private final StatsService stats;
    private final MockClock clock;
    private final JsonMapper json;
    private final ApplicationEventPublisher publisher;
    private final BillingService billing;

    FiringService(EventHandlerStore handlers, EventHandlerService definitions, FiringStore store, SimService sims,
            StatsService stats, MockClock clock, JsonMapper json, ApplicationEventPublisher publisher,
            BillingService billing) {
        this.billing = billing;
        this.handlers = handlers;
        this.definitions = definitions;
        this.store = store;
        this.sims = sims;
        this.stats = stats;
        this.clock = clock;
        this.json = json;
        this.publisher = publisher;
    }

    // --- events ---

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<WebRequests.Call> onTraffic(TrafficRecorded e) {
        List<EventHandler> candidates = handlers.active(e.operatorId(), Rules.TRAFFIC);
        Optional<SimService.SimFacts> found = sims.subscriberFacts(e.operatorId(), e.imsi());
        if (found.isEmpty()) {
            return List.of();
        }
        SimService.SimFacts sim = found.get();
        long now = clock.nowMillis();
        List<WebRequests.Call> calls = new ArrayList<>();
        charge(e.operatorId(), sim, now, calls);
        for (EventHandler h : candidates) {
            if (!EventHandlerService.covers(h, sim)) {
                continue;
            }
            RuleConfigPropertyDto p = definitions.rule(h).getProperties();
            String type = h.ruleType();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("bytes", e.bytes());
            boolean holds;
            if (type.equals("SubscriberFirstTrafficRule")) {
                long total = stats.airBytes(e.operatorId(), "imsi", sim.imsi(), 0, Long.MAX_VALUE);
                holds = e.bytes() > 0 && total == e.bytes();
            } else {
                long limit = Rules.number(p.getLimitTotalTrafficMegaByte()) * Rules.MIB;
                long used = used(h, type, sim, now);
                details.put("totalBytes", used);
                details.put("limitBytes", limit);
                holds = used > limit;
            }
            if (holds) {
                fire(h, p, new Trigger("Traffic", details, sim), now, calls);
            }
        }
        return calls;
    }

    /** The traffic a rule counts: of the IMSI, the SIM, or (total rules) of the handler's whole target. */
    private long used(EventHandler h, String type, SimService.SimFacts sim, long now) {
        long from = type.contains("Daily") ? Rules.dayStartSeconds(now)
                : type.contains("Monthly") ? Rules.monthStartSeconds(now) : 0;
        long to = type.contains("Daily") ? from + 86_400 : type.contains("Monthly") ? Rules.nextMonthStartSeconds(now)
                : Long.MAX_VALUE;
        String op = sim.operatorId();
        if (type.startsWith("Subscriber")) {
            return stats.airBytes(op, "imsi", sim.imsi(), from, to);
        }
        if (type.startsWith("Sim")) {
            return stats.airBytes(op, "sim", sim.simId(), from, to);
        }
        if (h.targetGroupId() != null) {
            return stats.airBytes(op, "group", h.targetGroupId(), from, to);
        }
        if (h.targetSimId() != null) {
            return stats.airBytes(op, "sim", h.targetSimId(), from, to);
        }
        if (h.targetImsi() != null) {
            return stats.airBytes(op, "imsi", h.targetImsi(), from, to);
        }
        return stats.airBytes(op, "operator", op, from, to);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<WebRequests.Call> onStatus(SimStatusChanged e) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("oldStatus", e.oldStatus());
        details.put("newStatus", e.newStatus());
        List<WebRequests.Call> calls = new ArrayList<>(evaluate(e.operatorId(), e.imsi(), Rules.STATUS, "StatusChanged",
                details, p -> p.getTargetStatus() != null && p.getTargetStatus().getValue().equals(e.newStatus())
                        && (p.getSourceStatus() == null || p.getSourceStatus().getValue().equals(e.oldStatus()))));
        // a status decides the day's basic fee: the running bill may have moved
        sims.subscriberFacts(e.operatorId(), e.imsi()).ifPresent(sim -> charge(e.operatorId(), sim, clock.nowMillis(),
                calls));
        return calls;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<WebRequests.Call> onSpeedClass(SimSpeedClassChanged e) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("oldSpeedClass", e.oldSpeedClass());
        details.put("newSpeedClass", e.newSpeedClass());
        return evaluate(e.operatorId(), e.imsi(), Rules.SPEED_CLASS, "SpeedClassChanged", details, p ->
                p.getTargetSpeedClass() != null && p.getTargetSpeedClass().getValue().equals(e.newSpeedClass()));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<WebRequests.Call> onSession(SimSessionChanged e) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sessionStatus", e.status());
        List<WebRequests.Call> calls = new ArrayList<>(evaluate(e.operatorId(), e.imsi(), Rules.SESSION,
                "Session" + e.status(), details, p ->
                p.getSessionStatus() == null || p.getSessionStatus().getValue().equals(e.status())));
        String expected = expectedImei(e);
        if (expected != null) {
            Map<String, Object> imei = new LinkedHashMap<>();
            imei.put("imei", e.imei());
            imei.put("expectedImei", expected);
            imei.put("imeiLocked", e.imeiLock() != null);
            calls.addAll(evaluate(e.operatorId(), e.imsi(), Rules.IMEI, "ImeiMismatched", imei, p -> true));
        }
        return calls;
    }

    /**
     * The IMEI a new session's should have been when it is not: the SIM's IMEI lock, or without a lock the IMEI of
     * its previous session; null when they match, when the session is not a creation or carries no IMEI, or when
     * there is nothing to compare with.
     */
    private static String expectedImei(SimSessionChanged e) {
        if (!"Created".equals(e.status()) || e.imei() == null || e.imei().isBlank()) {
            return null;
        }
        String expected = e.imeiLock() != null && !e.imeiLock().isBlank() ? e.imeiLock() : e.previousImei();
        return expected == null || expected.isBlank() || expected.equals(e.imei()) ? null : expected;
    }

    /**
     * MonthlyChargeRule: the running bill of the clock's month over the handler's target (the operator: the bill's
     * amount, coupons deducted; a SIM, subscriber or group: the charges of its SIMs) exceeds {@code limitTotalAmount}
     * → the handler fires once for its target (re-armed per {@code inactiveTimeoutDateConst}), acting on {@code sim}
     * (the SIM whose event moved the bill) or, after a move of the clock ({@code sim} null), on the target's SIM
     * charged most. The bill is only computed when the operator has such a handler.
     */
    private void charge(String operatorId, SimService.SimFacts sim, long now, List<WebRequests.Call> calls) {
        List<EventHandler> candidates = handlers.active(operatorId, Rules.CHARGE);
        if (candidates.isEmpty()) {
            return;
        }
        BillingService.RunningCharge bill = null;
        for (EventHandler h : candidates) {
            RuleConfigPropertyDto p = definitions.rule(h).getProperties();
            Long limit = Rules.number(p.getLimitTotalAmount());
            if (limit == null || (sim != null && !EventHandlerService.covers(h, sim))) {
                continue;
            }
            if (bill == null) {
                bill = billing.runningCharge(operatorId);
            }
            BigDecimal amount = BigDecimal.ZERO;
            SimService.SimFacts most = null;
            BigDecimal mostAmount = null;
            for (Map.Entry<String, BigDecimal> s : bill.bySim().entrySet()) {
                Optional<SimService.SimFacts> f = sims.simFacts(operatorId, s.getKey());
                if (f.isEmpty() || !EventHandlerService.covers(h, f.get())) {
                    continue;
                }
                amount = amount.add(s.getValue());
                if (mostAmount == null || s.getValue().compareTo(mostAmount) > 0) {
                    most = f.get();
                    mostAmount = s.getValue();
                }
            }
            if (h.targetOperatorId() != null) {
                amount = bill.amount();
            }
            SimService.SimFacts on = sim != null ? sim : most;
            if (on == null || amount.compareTo(BigDecimal.valueOf(limit)) <= 0) {
                continue;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("totalAmount", amount.toPlainString());
            details.put("limitTotalAmount", limit);
            fire(h, p, new Trigger("MonthlyCharge", details, on), now, calls, true);
        }
    }

    /**
     * The clock moved from {@code from} to {@code to}: expiry rules for the SIMs whose expiry time lies in between,
     * then every scheduled action that is due.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<WebRequests.Call> onClockMoved(ClockMoved e) {
        long from = e.from().toEpochMilli();
        long to = e.to().toEpochMilli();
        List<WebRequests.Call> calls = new ArrayList<>();
        for (String operatorId : handlers.operatorsWithActive(Rules.EXPIRED)) {
            List<EventHandler> candidates = handlers.active(operatorId, Rules.EXPIRED);
            for (SimService.SimFacts sim : sims.expiringBetween(operatorId, from, to)) {
                for (EventHandler h : candidates) {
                    if (EventHandlerService.covers(h, sim)) {
                        Map<String, Object> details = new LinkedHashMap<>();
                        details.put("expiryTime", sim.expiryTime());
                        fire(h, definitions.rule(h).getProperties(), new Trigger("Expired", details, sim), to, calls);
                    }
                }
            }
        }
        long now = clock.nowMillis();
        for (String operatorId : handlers.operatorsWithActive(Rules.CHARGE)) {
            charge(operatorId, null, now, calls);
        }
        for (FiringStore.ActionRow due : store.dueActions(now)) {
            FiringStore.FiringRow firing = store.firing(due.operatorId(), due.firingId());
            ActionConfigDto action = json.readValue(due.config(), ActionConfigDto.class);
            Map<String, Object> event = json.readValue(firing.event(), OBJECT);
            run(due.actionId(), firing, action, event, now, calls);
        }
        return calls;
    }

    /** What came of a web request: the action's result, and an error log entry when it failed. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void webRequestDone(WebRequests.Call call, WebRequests.Outcome outcome) {
        long now = clock.nowMillis();
        String result = outcome.status() != null ? "HTTP " + outcome.status() : outcome.error();
        store.actionDone(call.operatorId(), call.actionId(), outcome.ok() ? "done" : "failed", now, result);
        if (!outcome.ok()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("handlerId", call.handlerId());
            body.put("url", call.url());
            body.put("httpMethod", call.method());
            if (outcome.status() != null) {
                body.put("status", outcome.status());
            } else {
                body.put("error", outcome.error());
            }
            publisher.publishEvent(new OperatorLogEntry(call.operatorId(), "Subscriber", call.imsi(), "Air", "error",
                    body, now));
        }
    }

    // --- reads (control API) ---

    /** A firing and its actions. */
    record FiringView(FiringStore.FiringRow firing, List<FiringStore.ActionRow> actions, Map<String, Object> event) {
    }

    /** The firings of a handler, oldest first, the handler ID alone naming it; 404 for an unknown handler. */
    @Transactional(readOnly = true)
    List<FiringView> firings(String handlerId) {
        EventHandler h = handlers.findByHandlerId(handlerId)
                .orElseThrow(() -> new ApiException(ErrorCode.EVENT_HANDLER_NOT_FOUND, handlerId));
        return store.firings(h.operatorId(), handlerId).stream().map(f -> new FiringView(f,
                store.actions(f.operatorId(), f.firingId()), json.readValue(f.event(), OBJECT))).toList();
    }

    @Transactional(readOnly = true)
    List<FiringStore.MailRow> mails(String operatorId) {
        return store.mails(operatorId);
    }

    // --- firing ---

    private List<WebRequests.Call> evaluate(String operatorId, String imsi, Set<String> ruleTypes, String eventType,
            Map<String, Object> details, Predicate<RuleConfigPropertyDto> holds) {
        List<EventHandler> candidates = handlers.active(operatorId, ruleTypes);
        Optional<SimService.SimFacts> found = sims.subscriberFacts(operatorId, imsi);
        if (candidates.isEmpty() || found.isEmpty()) {
            return List.of();
        }
        long now = clock.nowMillis();
        List<WebRequests.Call> calls = new ArrayList<>();
        for (EventHandler h : candidates) {
            RuleConfigPropertyDto p = definitions.rule(h).getProperties();
            if (EventHandlerService.covers(h, found.get()) && holds.test(p)) {
                fire(h, p, new Trigger(eventType, details, found.get()), now, calls);
            }
        }
        return calls;
    }

    private void fire(EventHandler h, RuleConfigPropertyDto p, Trigger t, long now, List<WebRequests.Call> calls) {
        fire(h, p, t, now, calls, false);
    }

    /** Fires for the trigger's SIM; {@code onceForTarget}: re-armed for the whole target, as with runOnceAmongTarget. */
    private void fire(EventHandler h, RuleConfigPropertyDto p, Trigger t, long now, List<WebRequests.Call> calls,
            boolean onceForTarget) {
        String operatorId = h.operatorId();
        if (store.ignored(operatorId, h.handlerId(), t.sim().imsi())) {
            return;
        }
        boolean once = onceForTarget
                || p.getRunOnceAmongTarget() != null && p.getRunOnceAmongTarget().getValue().equals("true");
        String key = once ? "*" : t.sim().imsi();
        if (!store.armed(operatorId, h.handlerId(), key, now)) {
            return;
        }
        long offset = offset(p.getInactiveTimeoutOffsetMinutes());
        store.fired(operatorId, h.handlerId(), key, now, Rules.timeOf(p.getInactiveTimeoutDateConst().getValue(), offset, now));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", t.type());
        event.putAll(t.details());
        event.put("speedClass", t.sim().speedClass());
        event.put("status", t.sim().status());
        long firingId = store.firing(operatorId, h.handlerId(), t.sim().imsi(), t.sim().simId(), h.ruleType(),
                json.writeValueAsString(event), now);
        FiringStore.FiringRow firing = store.firing(operatorId, firingId);
        List<ActionConfigDto> actions = definitions.actions(h);
        for (int i = 0; i < actions.size(); i++) {
            ActionConfigDto a = actions.get(i);
            ActionConfigPropertyDto ap = a.getProperties();
            String config = json.writeValueAsString(a);
            String type = a.getType().getValue();
            Long at = Rules.timeOf(ap.getExecutionDateTimeConst().getValue(), offset(ap.getExecutionOffsetMinutes()), now);
            if (at == null) {
                store.action(operatorId, firingId, i, type, config, "skipped", now, now, "executionDateTimeConst is NEVER");
            } else if (at > now) {
                store.action(operatorId, firingId, i, type, config, "scheduled", at, null, null);
            } else {
                long actionId = store.action(operatorId, firingId, i, type, config, "running", now, null, null);
                run(actionId, firing, a, event, now, calls);
            }
        }
    }

    /** Carries out one action of a firing now; a web request is only prepared (made after the transaction). */
    private void run(long actionId, FiringStore.FiringRow f, ActionConfigDto a, Map<String, Object> event, long now,
            List<WebRequests.Call> calls) {
        String op = f.operatorId();
        ActionConfigPropertyDto p = a.getProperties();
        Map<String, String> vars = variables(f, event);
        String error;
        String result;
        switch (a.getType().getValue()) {
            case "ChangeSpeedClassAction" -> {
                String target = p.getSpeedClass().getValue();
                error = sims.applySpeedClass(op, f.simId(), target);
                result = "speed class " + target;
                if (error == null) {
                    // the firing's later actions see the change: ${oldSpeedClass} → ${newSpeedClass}
                    event.put("oldSpeedClass", event.get("speedClass"));
                    event.put("newSpeedClass", target);
                    event.put("speedClass", target);
                }
            }
            case "ActivationAction" -> {
                error = sims.applyStatus(op, f.simId(), "active");
                result = "status active";
            }
            case "DeactivationAction" -> {
                error = sims.applyStatus(op, f.simId(), "inactive");
                result = "status inactive";
            }
            case "StandbyAction" -> {
                error = sims.applyStatus(op, f.simId(), "standby");
                result = "status standby";
            }
            case "SuspendAction" -> {
                error = sims.applyStatus(op, f.simId(), "suspended");
                result = "status suspended";
            }
            case "ImeiLockAction" -> {
                error = sims.applyImeiLock(op, f.simId());
                result = "IMEI locked";
            }
            case "SendMailAction", "SendMailToOperatorAction" -> {
                String to = a.getType().getValue().equals("SendMailAction") ? substitute(p.getTo(), vars) : null;
                store.mail(op, f.handlerId(), f.firingId(), a.getType().getValue(), to, substitute(p.getTitle(), vars),
                        substitute(p.getMessage(), vars), now);
                error = null;
                result = to == null ? "mail to the operator kept in GET /_mock/mails" : "mail to " + to + " kept in GET /_mock/mails";
            }
            case "ExecuteWebRequestAction" -> {
                Map<String, String> headers = new LinkedHashMap<>();
                if (p.getHeaders() instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> headers.put(String.valueOf(k), substitute(String.valueOf(v), vars)));
                }
                String method = p.getHttpMethod() == null ? "POST" : p.getHttpMethod().getValue();
                calls.add(new WebRequests.Call(op, actionId, f.handlerId(), f.imsi(), method, substitute(p.getUrl(), vars),
                        p.getContentType(), headers, substitute(p.getBody(), vars)));
                store.actionDone(op, actionId, "running", now, null);
                return;
            }
            default -> {
                store.actionDone(op, actionId, "skipped", now,
                        "not invoked: the emulator cannot reach AWS Lambda (recorded only)");
                return;
            }
        }
        store.actionDone(op, actionId, error == null ? "done" : "failed", now, error == null ? result : error);
    }

    /** {@code ${imsi}}, {@code ${simId}}, {@code ${operatorId}}, {@code ${handlerId}} and the event's old and new values. */
    private Map<String, String> variables(FiringStore.FiringRow f, Map<String, Object> event) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("imsi", f.imsi());
        vars.put("simId", f.simId());
        vars.put("operatorId", f.operatorId());
        vars.put("handlerId", f.handlerId());
        vars.put("ruleType", f.ruleType());
        Object speed = event.get("speedClass");
        vars.put("oldSpeedClass", String.valueOf(event.getOrDefault("oldSpeedClass", speed)));
        vars.put("newSpeedClass", String.valueOf(event.getOrDefault("newSpeedClass", speed)));
        Object status = event.get("status");
        vars.put("oldStatus", String.valueOf(event.getOrDefault("oldStatus", status)));
        vars.put("newStatus", String.valueOf(event.getOrDefault("newStatus", status)));
        return vars;
    }

    static String substitute(String text, Map<String, String> vars) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            out = out.replace("${" + v.getKey() + "}", v.getValue() == null ? "" : v.getValue());
        }
        return out;
    }

    private static long offset(String minutes) {
        Long n = Rules.number(minutes);
        return n == null ? 0 : n;
    }
}
