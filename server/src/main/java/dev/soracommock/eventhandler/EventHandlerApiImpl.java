package dev.soracommock.eventhandler;

import dev.soracommock.api.soracom.EventHandlerApiDelegate;
import dev.soracommock.api.soracom.model.CreateEventHandlerRequestDto;
import dev.soracommock.api.soracom.model.EventHandlerModelDto;
import dev.soracommock.coverage.Limitation;
import dev.soracommock.kernel.CurrentCaller;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** EventHandler tag: handlers, the handlers covering a subscriber, the ignore list. */
@Component
class EventHandlerApiImpl implements EventHandlerApiDelegate {

    private final EventHandlerService handlers;
    private final CurrentCaller caller;

    EventHandlerApiImpl(EventHandlerService handlers, CurrentCaller caller) {
        this.handlers = handlers;
        this.caller = caller;
    }

    @Override
    @Limitation("The handler is evaluated on the emulator's events: traffic (the traffic simulator, sandbox stats"
            + " inserts, the device data plane), status, speed-class and session changes, and the expiry time passed by"
            + " a move of `/_mock/clock`. SimSubscriptionStatusRule is stored but never fires (the emulator has no"
            + " subscription/OTA status changes). ImeiMismatched rules are evaluated when a session is created with an"
            + " IMEI (`/_mock/sims/{sim_id}/session`) and fire when it differs from the SIM's IMEI lock or, without a"
            + " lock, from the IMEI of the previous session (a session without IMEI is never compared; whether the real"
            + " rule also compares with past sessions is not known). MonthlyChargeRule is evaluated when traffic is"
            + " recorded, a status changes and the clock moves, against the emulator's running bill of the clock's"
            + " month (its own price table, JPY): the bill's amount after coupons for an operator target, the charges"
            + " of the target's SIMs (before coupons) otherwise; it fires once for the whole target until re-armed (the"
            + " real per-SIM or per-operator behaviour is not known), acting on the SIM whose event moved the bill or,"
            + " after a clock move, on the target's SIM charged most. Traffic rules compare upload + download bytes of the UTC day / month (cumulative: all recorded)"
            + " with `limitTotalTrafficMegaByte` MiB and fire when it is exceeded, at once (not up to 5 minutes late);"
            + " the total rules (DailyTotalTrafficRule, MonthlyTotalTrafficRule) count the handler's whole target and act"
            + " on the SIM whose traffic crossed the limit. A target must exist (400 MCK0502 otherwise) and"
            + " `targetOperatorId` must be the caller's. Error codes MCK0501-0503 are the emulator's: the real ones are"
            + " not known. Scheduled actions and re-arming follow the emulator clock and are looked at when"
            + " `/_mock/clock` is set or advanced, not as real time passes. ExecuteWebRequest failures (non-2xx,"
            + " unreachable, timeout) are published to the operator's error log as service Air, resourceType"
            + " Subscriber, logLevel error, body {handlerId, url, httpMethod, status|error}: the real entry's shape is"
            + " not known; the request times out after `soracom-mock.event-handlers.web-request-timeout` (5 s). Variables"
            + " `${imsi}`, `${simId}`, `${operatorId}`, `${handlerId}`, `${ruleType}`, `${old|newSpeedClass}`,"
            + " `${old|newStatus}` are filled in the URL, headers and body (and mail title and message); the old and new"
            + " values are the event's, or those of a ChangeSpeedClass action earlier in the same firing. IMMEDIATELY"
            + " re-arms at once (the next event satisfying the rule fires again); the subset of `inactiveTimeoutDateConst`"
            + " values each rule type takes is not checked. InvokeAWSLambda is recorded as a firing and not invoked"
            + " (AWS is out of reach); mails (SendMail, SendMailToOperator) are kept in `GET /_mock/mails`. A chain of"
            + " handlers firing on each other's actions stops after 3 steps.")
    public ResponseEntity<EventHandlerModelDto> createEventHandler(CreateEventHandlerRequestDto body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(handlers.create(caller.operatorId(), body));
    }

    @Override
    public ResponseEntity<EventHandlerModelDto> getEventHandler(String handlerId) {
        return ResponseEntity.ok(handlers.get(caller.operatorId(), handlerId));
    }

    @Override
    @Limitation("Oldest first, every handler in one answer (the contract has no paging here).")
    public ResponseEntity<List<EventHandlerModelDto>> listEventHandlers(String target) {
        return ResponseEntity.ok(handlers.list(caller.operatorId(), target));
    }

    @Override
    @Limitation("Lists the handlers whose target is the subscriber's IMSI, its SIM, its group or the operator (which"
            + " the real API includes is not documented).")
    public ResponseEntity<List<EventHandlerModelDto>> listEventHandlersBySubscriber(String imsi) {
        return ResponseEntity.ok(handlers.forSubscriber(caller.operatorId(), imsi));
    }

    @Override
    @Limitation("Answers 200 with an empty body (the contract declares none); the body is validated as a create's."
            + " An update starts the handler afresh: it may fire again for every SIM.")
    public ResponseEntity<Void> updateEventHandler(String handlerId, CreateEventHandlerRequestDto body) {
        handlers.update(caller.operatorId(), handlerId, body);
        return ResponseEntity.ok().build();
    }

    @Override
    @Limitation("Scheduled actions of the handler's firings do not run any more; its firings stay recorded.")
    public ResponseEntity<Void> deleteEventHandler(String handlerId) {
        handlers.delete(caller.operatorId(), handlerId);
        return ResponseEntity.noContent().build();
    }

    @Override
    @Limitation("Answers 200 with an empty body (the real body is not known); ignoring twice is not an error.")
    public ResponseEntity<Void> setIgnoreEventHandler(String imsi, String handlerId) {
        handlers.ignore(caller.operatorId(), handlerId, imsi);
        return ResponseEntity.ok().build();
    }

    @Override
    @Limitation("404 for an unknown handler or subscriber; 204 also when the subscriber was not ignored (not known).")
    public ResponseEntity<Void> deleteIgnoreEventHandler(String imsi, String handlerId) {
        handlers.unignore(caller.operatorId(), handlerId, imsi);
        return ResponseEntity.noContent().build();
    }
}
