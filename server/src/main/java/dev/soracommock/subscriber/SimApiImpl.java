package dev.soracommock.subscriber;

import static dev.soracommock.subscriber.SubscriberApiImpl.MAX_LIMIT;
import static dev.soracommock.subscriber.SubscriberApiImpl.expiryAction;
import static dev.soracommock.subscriber.SubscriberApiImpl.tagMap;

import dev.soracommock.api.soracom.SimApiDelegate;
import dev.soracommock.api.soracom.model.CreateSimRequestDto;
import dev.soracommock.api.soracom.model.ExpiryTimeDto;
import dev.soracommock.api.soracom.model.RegisterSimRequestDto;
import dev.soracommock.api.soracom.model.SessionEventDto;
import dev.soracommock.api.soracom.model.SetGroupRequestDto;
import dev.soracommock.api.soracom.model.SetImeiLockRequestDto;
import dev.soracommock.api.soracom.model.SimDto;
import dev.soracommock.api.soracom.model.SimStatusHistoryResponseDto;
import dev.soracommock.api.soracom.model.SmsForwardingReportDto;
import dev.soracommock.api.soracom.model.SmsForwardingRequestDto;
import dev.soracommock.api.soracom.model.SubscriberDto;
import dev.soracommock.api.soracom.model.TagUpdateRequestDto;
import dev.soracommock.api.soracom.model.UpdateSpeedClassRequestDto;
import dev.soracommock.coverage.LeftToFallback;
import dev.soracommock.coverage.Limitation;
import dev.soracommock.subscriber.SimService.Ref;
import dev.soracommock.kernel.CurrentCaller;
import dev.soracommock.kernel.Paging;
import dev.soracommock.kernel.Paging.PageRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.stereotype.Component;

/** Sim tag: the SIM view ({@code /sims/{sim_id}}) of the SIMs {@link SimService} keeps. */
@Component
@LeftToFallback(operations = {"sendDownlinkHttp", "sendDownlinkPing", "sendDownlinkRtsp", "sendDownlinkSsh",
        "sendDownlinkTcp", "sendDownlinkUdp"},
        reason = "downlink tunnels need a connected device; no device is connected to the emulator")
@LeftToFallback(operations = {"createSimPacketCaptureSession", "deleteSimPacketCaptureSession",
        "getSimPacketCaptureSession", "listSimPacketCaptureSessions", "stopSimPacketCaptureSession"},
        reason = "packet capture needs traffic and capture files; the emulator carries no traffic")
@LeftToFallback(operations = {"attachArcSimCredentials", "renewArcSimCredentials", "removeArcSimCredentials",
        "createArcSession"},
        reason = "Arc (WireGuard) credentials and sessions need a VPN endpoint; not emulated")
@LeftToFallback(operations = {"addSubscription", "cancelSubscriptionContainerDownload",
        "terminateSubscriptionContainer"},
        reason = "subscription containers are downloaded over the air to eSIM-capable SIMs; not emulated")
@LeftToFallback(operations = {"getTestingUsage"}, reason = "the testing mode of SIMs is not emulated")
class SimApiImpl implements SimApiDelegate {

    private final SimService sims;
    private final SimViews views;
    private final CurrentCaller caller;

    private final org.springframework.beans.factory.ObjectProvider<DataEntries> data;

    SimApiImpl(SimService sims, SimViews views, CurrentCaller caller,
            org.springframework.beans.factory.ObjectProvider<DataEntries> data) {
        this.data = data;
        this.sims = sims;
        this.views = views;
        this.caller = caller;
    }

    private ResponseEntity<SimDto> ok(Sim sim) {
        return ResponseEntity.ok(views.sim(sim));
    }

    private String op() {
        return caller.operatorId();
    }

    @Override
    @Limitation("a virtual SIM's identifiers are the emulator's choice ([UNKNOWN]): SIM ID = ICCID = 8942 + 15 digits,"
            + " IMSI 00101 + 10 digits, no MSISDN; it is the caller's, status ready, from the start")
    public ResponseEntity<SimDto> createSim(CreateSimRequestDto body) {
        Sim sim = sims.createVirtual(op(), body.getSubscription().getValue());
        return ResponseEntity.status(HttpStatus.CREATED).body(views.sim(sim));
    }

    @Override
    public ResponseEntity<SimDto> registerSim(String simId, RegisterSimRequestDto body) {
        Sim sim = sims.register(op(), Ref.sim(simId), body.getRegistrationSecret(), body.getGroupId(), body.getTags());
        return ResponseEntity.status(HttpStatus.CREATED).body(views.sim(sim));
    }

    @Override
    public ResponseEntity<SimDto> getSim(String simId) {
        return ok(sims.get(op(), Ref.sim(simId)));
    }

    @Override
    @Limitation("a limit below 1 is 400 COM0008 (the real API answers limit=-1 with a 500). type_filter, which the"
            + " contract does not declare here, filters by speed class as on listSubscribers (values separated by ','"
            + " or '|'): the Go SDK's name for the subscribers' speed-class filter, honoured on both lists")
    public ResponseEntity<List<SimDto>> listSims(Integer limit, String lastEvaluatedKey) {
        PageRequest page = PageRequest.of(limit, lastEvaluatedKey, MAX_LIMIT);
        List<String> speedClasses = SubscriberApiImpl.values(undeclaredQuery("type_filter"));
        return Paging.ok(sims.list(op(), speedClasses == null ? List.of() : speedClasses, page), views::sim, page);
    }

    /** A query parameter the contract does not declare for the operation (the generated signature leaves it out). */
    private static String undeclaredQuery(String name) {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getParameter(name) : null;
    }

    // --- status ---

    @Override
    public ResponseEntity<SimDto> activateSim(String simId) {
        return ok(sims.changeStatus(op(), Ref.sim(simId), "active"));
    }

    @Override
    public ResponseEntity<SimDto> deactivateSim(String simId) {
        return ok(sims.changeStatus(op(), Ref.sim(simId), "inactive"));
    }

    @Override
    public ResponseEntity<SimDto> setSimToStandby(String simId) {
        return ok(sims.changeStatus(op(), Ref.sim(simId), "standby"));
    }

    @Override
    public ResponseEntity<SimDto> suspendSim(String simId) {
        return ok(sims.changeStatus(op(), Ref.sim(simId), "suspended"));
    }

    @Override
    public ResponseEntity<SimDto> terminateSim(String simId) {
        return ok(sims.changeStatus(op(), Ref.sim(simId), "terminated"));
    }

    @Override
    public ResponseEntity<SimDto> enableSimTermination(String simId) {
        return ok(sims.setTerminationEnabled(op(), Ref.sim(simId), true));
    }

    @Override
    public ResponseEntity<SimDto> disableSimTermination(String simId) {
        return ok(sims.setTerminationEnabled(op(), Ref.sim(simId), false));
    }

    @Override
    @Limitation("status, speed class and group changes are recorded (registration too)")
    public ResponseEntity<List<SimStatusHistoryResponseDto>> listSimStatusHistory(String simId, Long from,
            Long to, String lastEvaluatedKey, String sort, Integer limit) {
        PageRequest page = PageRequest.of(limit == null ? 30 : limit, lastEvaluatedKey, MAX_LIMIT);
        return Paging.ok(sims.statusHistory(op(), simId, from, to, "asc".equals(sort), page), views::history, page);
    }

    // --- everything else a SIM has ---

    @Override
    public ResponseEntity<SimDto> updateSimSpeedClass(String simId, UpdateSpeedClassRequestDto body) {
        return ok(sims.updateSpeedClass(op(), Ref.sim(simId), body.getSpeedClass().getValue()));
    }

    @Override
    public ResponseEntity<SimDto> putSimTags(String simId, List<TagUpdateRequestDto> tags) {
        return ok(sims.putTags(op(), Ref.sim(simId), tagMap(tags)));
    }

    @Override
    public ResponseEntity<Void> deleteSimTag(String simId, String tagName) {
        sims.deleteTag(op(), Ref.sim(simId), tagName);
        return ResponseEntity.noContent().build();
    }

    @Override
    @Limitation("without the groups domain every group ID is unknown (404)")
    public ResponseEntity<SimDto> setSimGroup(String simId, SetGroupRequestDto body) {
        return ok(sims.setGroup(op(), Ref.sim(simId), body == null ? null : body.getGroupId()));
    }

    @Override
    public ResponseEntity<SimDto> unsetSimGroup(String simId) {
        return ok(sims.unsetGroup(op(), Ref.sim(simId)));
    }

    @Override
    @Limitation("the expiry action is carried out when the SIM is next addressed by itself after the (mock) clock passed"
            + " the expiry time (not by lists and searches); the expiry is then cleared")
    public ResponseEntity<SimDto> setSimExpiryTime(String simId, ExpiryTimeDto body) {
        return ok(sims.setExpiry(op(), Ref.sim(simId), body.getExpiryTime(), expiryAction(body)));
    }

    @Override
    public ResponseEntity<SimDto> unsetSimExpiryTime(String simId) {
        return ok(sims.unsetExpiry(op(), Ref.sim(simId)));
    }

    @Override
    public ResponseEntity<SimDto> setSimImeiLock(String simId, SetImeiLockRequestDto body) {
        return ok(sims.setImeiLock(op(), Ref.sim(simId), body == null ? null : body.getImei()));
    }

    @Override
    public ResponseEntity<SimDto> unsetSimImeiLock(String simId) {
        return ok(sims.unsetImeiLock(op(), Ref.sim(simId)));
    }

    @Override
    public ResponseEntity<SimDto> deleteSimSession(String simId) {
        return ok(sims.deleteSession(op(), Ref.sim(simId)));
    }

    @Override
    @Limitation("events exist only for sessions started or ended through /_mock/sims/{sim_id}/session")
    public ResponseEntity<List<SessionEventDto>> listSimSessionEvents(String simId, Long from, Long to,
            Integer limit, String lastEvaluatedKey) {
        PageRequest page = PageRequest.of(limit, lastEvaluatedKey, MAX_LIMIT);
        return Paging.ok(sims.sessionEvents(op(), Ref.sim(simId), from, to, page), views::event, page);
    }

    @Override
    @Limitation("the message is kept (GET /_mock/sims/{sim_id}/sms), never delivered")
    public ResponseEntity<SmsForwardingReportDto> sendSmsToSim(String simId, SmsForwardingRequestDto body) {
        String id = sims.sendSms(op(), Ref.sim(simId), body == null ? null : body.getEncodingType(),
                body == null ? null : body.getPayload());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new SmsForwardingReportDto().messageId(id));
    }

    @Override
    @Limitation("records when the report was requested; no device answers, so the SIM's localInfo stays empty")
    public ResponseEntity<SubscriberDto> reportSimLocalInfo(String simId) {
        Sim sim = sims.reportLocalInfo(op(), Ref.sim(simId));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(views.subscriber(sim, sim.primary()));
    }

    @Override
    @Limitation("the SIM's data: entries its device sent (any of its IMSIs) and those stored under Sim/<sim_id>; "
            + "404 when the caller has no such SIM")
    public ResponseEntity<List<dev.soracommock.api.soracom.model.DataEntryDto>> getDataFromSim(String simId, Long from, Long to,
            String sort, Integer limit, String lastEvaluatedKey) {
        String op = caller.operatorId();
        sims.get(op, Ref.sim(simId));
        PageRequest page = PageRequest.of(limit == null ? 10 : limit, lastEvaluatedKey, 1000);
        DataEntries entries = data.getIfAvailable();
        Paging.Page<DataEntries.Entry> found = entries == null ? new Paging.Page<>(List.of(), null)
                : entries.ofSim(op, simId, from, to, "asc".equals(sort), page);
        return Paging.ok(found, e -> new dev.soracommock.api.soracom.model.DataEntryDto().time(e.time())
                .contentType(e.contentType()).content(e.content()), page);
    }
}
