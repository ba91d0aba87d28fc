package dev.soracommock.eventhandler;

import dev.soracommock.api.soracom.model.ActionConfigDto;
import dev.soracommock.api.soracom.model.ActionConfigPropertyDto;
import dev.soracommock.api.soracom.model.CreateEventHandlerRequestDto;
import dev.soracommock.api.soracom.model.EventHandlerModelDto;
import dev.soracommock.api.soracom.model.RuleConfigDto;
import dev.soracommock.api.soracom.model.RuleConfigPropertyDto;
import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.Identifiers;
import dev.soracommock.subscriber.GroupDirectory;
import dev.soracommock.subscriber.SimService;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event handlers: their definitions (validated: one target the operator has, known rule and action types, the
 * properties each needs, numbers written as strings, at most 5 actions and 10 handlers per target), the handlers
 * that cover a subscriber, and the ignore list. What they do when their rule holds is {@link FiringService}'s.
 */
@Service
public class EventHandlerService {

    static final int MAX_ACTIONS = 5;
    static final int MAX_PER_TARGET = 10;
    private static final TypeReference<List<ActionConfigDto>> ACTIONS = new TypeReference<>() {
    };

    private final EventHandlerStore handlers;
    private final FiringStore store;
    private final SimService sims;
    private final ObjectProvider<GroupDirectory> groups;
    private final Identifiers ids;
    private final MockClock clock;
    private final JsonMapper json;

    EventHandlerService(EventHandlerStore handlers, FiringStore store, SimService sims,
            ObjectProvider<GroupDirectory> groups, Identifiers ids, MockClock clock, JsonMapper json) {
        this.handlers = handlers;
        this.store = store;
        this.sims = sims;
        this.groups = groups;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
    }

    @Transactional
    EventHandlerModelDto create(String operatorId, CreateEventHandlerRequestDto body) {
        EventHandler.Definition d = validate(operatorId, body, null);
        String handlerId;
        do {
            handlerId = ids.uuid().toString();
        } while (handlers.existsByHandlerId(handlerId));
        long now = clock.nowMillis();
        EventHandler h = new EventHandler(handlerId, operatorId, now);
        h.set(d, now);
        return dto(handlers.save(h));
    }

    @Transactional(readOnly = true)
    EventHandlerModelDto get(String operatorId, String handlerId) {
        return dto(load(operatorId, handlerId));
    }

    /** The operator's handlers, oldest first; {@code target} keeps those of one kind of target. */
    @Transactional(readOnly = true)
    List<EventHandlerModelDto> list(String operatorId, String target) {
        return handlers.findByOperatorIdOrderByCreatedAtAscHandlerIdAsc(operatorId).stream().filter(h -> target == null
                || switch (target) {
                    case "imsi" -> h.targetImsi() != null;
                    case "sim" -> h.targetSimId() != null;
                    case "group" -> h.targetGroupId() != null;
                    case "operator" -> h.targetOperatorId() != null;
                    default -> true;
                }).map(this::dto).toList();
    }

    /** The handlers whose target covers the subscriber: its IMSI, its SIM, its group, or the whole operator. */
    @Transactional(readOnly = true)
    List<EventHandlerModelDto> forSubscriber(String operatorId, String imsi) {
        SimService.SimFacts sim = sims.subscriberFacts(operatorId, imsi)
                .orElseThrow(() -> new ApiException(ErrorCode.SUBSCRIBER_NOT_FOUND));
        return handlers.findByOperatorIdOrderByCreatedAtAscHandlerIdAsc(operatorId).stream()
                .filter(h -> covers(h, sim)).map(this::dto).toList();
    }

    @Transactional
    void update(String operatorId, String handlerId, CreateEventHandlerRequestDto body) {
        EventHandler h = load(operatorId, handlerId);
        EventHandler.Definition d = validate(operatorId, body, handlerId);
        h.set(d, clock.nowMillis());
        handlers.save(h);
        // a changed handler starts afresh: it may fire again for every SIM
        store.forget(operatorId, handlerId);
    }

    @Transactional
    void delete(String operatorId, String handlerId) {
        EventHandler h = load(operatorId, handlerId);
        store.cancelScheduled(operatorId, handlerId, clock.nowMillis());
        store.forget(operatorId, handlerId);
        handlers.delete(h);
    }

    @Transactional
    void ignore(String operatorId, String handlerId, String imsi) {
        load(operatorId, handlerId);
        sims.subscriberFacts(operatorId, imsi).orElseThrow(() -> new ApiException(ErrorCode.SUBSCRIBER_NOT_FOUND));
        store.ignore(operatorId, handlerId, imsi, clock.nowMillis());
    }

    @Transactional
    void unignore(String operatorId, String handlerId, String imsi) {
        load(operatorId, handlerId);
        sims.subscriberFacts(operatorId, imsi).orElseThrow(() -> new ApiException(ErrorCode.SUBSCRIBER_NOT_FOUND));
        store.unignore(operatorId, handlerId, imsi);
    }

    // --- shared with the firing side ---

    /** Whether a handler's target covers a SIM (the SIM is the operator's: a handler never sees another's). */
    static boolean covers(EventHandler h, SimService.SimFacts sim) {
        if (!Objects.equals(h.operatorId(), sim.operatorId())) {
            return false;
        }
        if (h.targetImsi() != null) {
            return h.targetImsi().equals(sim.imsi());
        }
        if (h.targetSimId() != null) {
            return h.targetSimId().equals(sim.simId());
        }
        if (h.targetGroupId() != null) {
            return h.targetGroupId().equals(sim.groupId());
        }
        return h.targetOperatorId() != null;
    }

    RuleConfigDto rule(EventHandler h) {
        return json.readValue(h.ruleConfig(), RuleConfigDto.class);
    }

    List<ActionConfigDto> actions(EventHandler h) {
        return json.readValue(h.actionConfigList(), ACTIONS);
    }

    EventHandlerModelDto dto(EventHandler h) {
        EventHandlerModelDto dto = new EventHandlerModelDto().handlerId(h.handlerId()).name(h.name())
                .description(h.description()).status(EventHandlerModelDto.StatusEnum.fromValue(h.status()))
                .targetImsi(h.targetImsi()).targetSimId(h.targetSimId()).targetGroupId(h.targetGroupId())
                .targetOperatorId(h.targetOperatorId()).ruleConfig(rule(h));
        dto.setActionConfigList(new ArrayList<>(actions(h)));
        return dto;
    }

    private EventHandler load(String operatorId, String handlerId) {
        return handlers.findByOperatorIdAndHandlerId(operatorId, handlerId)
                .orElseThrow(() -> new ApiException(ErrorCode.EVENT_HANDLER_NOT_FOUND, handlerId));
    }

    // --- validation ---

    private EventHandler.Definition validate(String operatorId, CreateEventHandlerRequestDto body, String self) {
        if (body == null) {
            throw invalid("a body is required");
        }
        String imsi = blankToNull(body.getTargetImsi());
        String simId = blankToNull(body.getTargetSimId());
        String groupId = blankToNull(body.getTargetGroupId());
        String target = blankToNull(body.getTargetOperatorId());
        long targets = java.util.stream.Stream.of(imsi, simId, groupId, target).filter(Objects::nonNull).count();
        if (targets != 1) {
            throw invalid("exactly one of targetImsi, targetSimId, targetGroupId and targetOperatorId must be set");
        }
        if (imsi != null && sims.subscriberFacts(operatorId, imsi).isEmpty()) {
            throw invalid("targetImsi " + imsi + " is not a subscriber of the operator");
        }
        if (simId != null && sims.simFacts(operatorId, simId).isEmpty()) {
            throw invalid("targetSimId " + simId + " is not a SIM of the operator");
        }
        if (groupId != null) {
            GroupDirectory directory = groups.getIfAvailable();
            if (directory == null || !directory.exists(operatorId, groupId)) {
                throw invalid("targetGroupId " + groupId + " is not a group of the operator");
            }
        }
        if (target != null && !target.equals(operatorId)) {
            throw invalid("targetOperatorId must be the caller's operator ID");
        }
        if (body.getName() == null || body.getName().isBlank()) {
            throw invalid("name is required");
        }
        RuleConfigDto rule = body.getRuleConfig();
        if (rule == null || rule.getType() == null || rule.getProperties() == null) {
            throw invalid("ruleConfig with type and properties is required");
        }
        validateRule(rule.getType().getValue(), rule.getProperties());
        List<ActionConfigDto> actions = body.getActionConfigList() == null ? List.of() : body.getActionConfigList();
        if (actions.size() > MAX_ACTIONS) {
            throw invalid("at most " + MAX_ACTIONS + " actions are allowed");
        }
        for (int i = 0; i < actions.size(); i++) {
            validateAction(i, actions.get(i));
        }
        long sameTarget = handlers.findByOperatorIdOrderByCreatedAtAscHandlerIdAsc(operatorId).stream()
                .filter(h -> !h.handlerId().equals(self) && Objects.equals(h.targetImsi(), imsi)
                        && Objects.equals(h.targetSimId(), simId) && Objects.equals(h.targetGroupId(), groupId)
                        && Objects.equals(h.targetOperatorId(), target)).count();
        if (sameTarget >= MAX_PER_TARGET) {
            throw new ApiException(ErrorCode.EVENT_HANDLER_LIMIT, MAX_PER_TARGET);
        }
        String status = body.getStatus() == null ? "active" : body.getStatus().getValue();
        return new EventHandler.Definition(body.getName(), body.getDescription(), status, imsi, simId, groupId, target,
                rule.getType().getValue(), json.writeValueAsString(rule), json.writeValueAsString(actions));
    }

    private static void validateRule(String type, RuleConfigPropertyDto p) {
        if (p.getInactiveTimeoutDateConst() == null) {
            throw invalid("ruleConfig.properties.inactiveTimeoutDateConst is required");
        }
        Long offset = number("ruleConfig.properties.inactiveTimeoutOffsetMinutes", p.getInactiveTimeoutOffsetMinutes());
        if (offset != null && offset > 525_600) {
            throw invalid("ruleConfig.properties.inactiveTimeoutOffsetMinutes must be between 0 and 525600");
        }
        Long limit = number("ruleConfig.properties.limitTotalTrafficMegaByte", p.getLimitTotalTrafficMegaByte());
        if (Rules.needsTrafficLimit(type) && limit == null) {
            throw invalid("ruleConfig.properties.limitTotalTrafficMegaByte is required for " + type);
        }
        Long amount = number("ruleConfig.properties.limitTotalAmount", p.getLimitTotalAmount());
        if (type.equals("MonthlyChargeRule") && amount == null) {
            throw invalid("ruleConfig.properties.limitTotalAmount is required for " + type);
        }
        if (Rules.STATUS.contains(type) && p.getTargetStatus() == null) {
            throw invalid("ruleConfig.properties.targetStatus is required for " + type);
        }
        if (Rules.SPEED_CLASS.contains(type) && p.getTargetSpeedClass() == null) {
            throw invalid("ruleConfig.properties.targetSpeedClass is required for " + type);
        }
    }

    private static void validateAction(int i, ActionConfigDto a) {
        String at = "actionConfigList[" + i + "]";
        if (a == null || a.getType() == null || a.getProperties() == null) {
            throw invalid(at + " needs a type and properties");
        }
        ActionConfigPropertyDto p = a.getProperties();
        if (p.getExecutionDateTimeConst() == null) {
            throw invalid(at + ".properties.executionDateTimeConst is required");
        }
        Long offset = number(at + ".properties.executionOffsetMinutes", p.getExecutionOffsetMinutes());
        if (offset != null && offset > 525_600) {
            throw invalid(at + ".properties.executionOffsetMinutes must be between 0 and 525600");
        }
        switch (a.getType().getValue()) {
            case "ChangeSpeedClassAction" -> require(at, "speedClass", p.getSpeedClass());
            case "ExecuteWebRequestAction" -> {
                require(at, "url", p.getUrl());
                require(at, "httpMethod", p.getHttpMethod());
                if (!absoluteHttp(p.getUrl())) {
                    throw invalid(at + ".properties.url must be an absolute http or https URL");
                }
                if (p.getHeaders() != null && !(p.getHeaders() instanceof java.util.Map)) {
                    throw invalid(at + ".properties.headers must be an object of header names and values");
                }
            }
            case "SendMailAction" -> {
                require(at, "to", p.getTo());
                require(at, "title", p.getTitle());
                require(at, "message", p.getMessage());
            }
            case "SendMailToOperatorAction" -> {
                require(at, "title", p.getTitle());
                require(at, "message", p.getMessage());
            }
            case "InvokeAWSLambdaAction" -> {
                require(at, "endpoint", p.getEndpoint());
                require(at, "functionName", p.getFunctionName());
            }
            default -> {
            }
        }
    }

    private static boolean absoluteHttp(String url) {
        try {
            URI uri = new URI(url.replace("${", "%7B").replace("}", "%7D"));
            return uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static void require(String at, String name, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw invalid(at + ".properties." + name + " is required");
        }
    }

    private static Long number(String field, String value) {
        try {
            Long n = Rules.number(value);
            if (n != null && n < 0) {
                throw invalid(field + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw invalid(field + " must be a whole number written as a string");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static ApiException invalid(String why) {
        return new ApiException(ErrorCode.EVENT_HANDLER_INVALID, why);
    }
}
