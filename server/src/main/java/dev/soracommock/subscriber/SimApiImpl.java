package dev.soracommock.subscriber;

import static dev.soracommock.subscriber.SubscriberApiImpl.MAX_LIMIT;
import static dev.soracommock.subscriber.SubscriberApiImpl.expiryAction;
import static dev.soracommock.subscriber.SubscriberApiImpl.tagMap;

import dev.soracommock.api.soracom.SimApiDelegate;
import dev.soracommock.api.soracom.model.CreateSimRequestDto;
import dev.soracommock.api.soracom.model.DownlinkPingRequestDto;
import dev.soracommock.api.soracom.model.DownlinkPingResponseDto;
import dev.soracommock.api.soracom.model.SimDownlinkBinaryEncodingDto;
import dev.soracommock.api.soracom.model.SimDownlinkHttpRequestDto;
import dev.soracommock.api.soracom.model.SimDownlinkHttpResponseDto;
import dev.soracommock.api.soracom.model.SimDownlinkTcpRequestDto;
import dev.soracommock.api.soracom.model.SimDownlinkTcpResponseDto;
import dev.soracommock.api.soracom.model.SimDownlinkUdpRequestDto;
import dev.soracommock.api.soracom.model.ExpiryTimeDto;
import dev.soracommock.api.soracom.model.PacketCaptureSessionDto;
import dev.soracommock.api.soracom.model.PacketCaptureSessionRequestDto;
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
@LeftToFallback(operations = {"sendDownlinkRtsp", "sendDownlinkSsh"},
        reason = "RTSP and SSH sessions to a device are not emulated (HTTP, TCP, UDP and ping reach a registered device)")
@LeftToFallback(operations = {"attachArcSimCredentials", "renewArcSimCredentials", "removeArcSimCredentials",
        "createArcSession"},
        reason = "Arc (WireGuard) credentials and sessions need a VPN endpoint; not emulated")
@LeftToFallback(operations = {"addSubscription", "cancelSubscriptionContainerDownload",
        "terminateSubscriptionContainer"},
        reason = "subscription containers are downloaded over the air to eSIM-capable SIMs; not emulated")
@LeftToFallback(operations = {"getTestingUsage"}, reason = "the testing mode (a new SIM's free trial period of data"
        + " and SMS before its first activation) is not emulated: no SIM is ever in it, so there is no usage to count")
class SimApiImpl implements SimApiDelegate {

    private final SimService sims;
    private final SimViews views;
    private final CurrentCaller caller;
    private final DownlinkService downlink;

    private final org.springframework.beans.factory.ObjectProvider<DataEntries> data;
    private final org.springframework.beans.factory.ObjectProvider<PacketCaptures> captures;

    SimApiImpl(SimService sims, SimViews views, CurrentCaller caller, DownlinkService downlink,
            org.springframework.beans.factory.ObjectProvider<DataEntries> data,
            org.springframework.beans.factory.ObjectProvider<PacketCaptures> captures) {
        this.data = data;
        this.captures = captures;
        this.sims = sims;
        this.downlink = downlink;
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
    @Limitation("the message is kept (GET /_mock/sims/{sim_id}/sms) and, when the SIM has a device registered"
            + " (PUT /_mock/sims/{sim_id}/device), POSTed to {baseUrl}/sms as JSON {messageId, simId, imsi, encodingType,"
            + " payload}; a device that does not answer loses it and the answer is still 202")
    public ResponseEntity<SmsForwardingReportDto> sendSmsToSim(String simId, SmsForwardingRequestDto body) {
        Integer encoding = body == null ? null : body.getEncodingType();
        String payload = body == null ? null : body.getPayload();
        String id = sims.sendSms(op(), Ref.sim(simId), encoding, payload);
        downlink.deliverSms(op(), simId, id, encoding, payload);
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

    // --- downlink to the SIM's simulated device (DownlinkService) ---

    private static final String OFFLINE_OR_NO_DEVICE = " A SIM that is not online is 400 MCK0403; with no device"
            + " registered (PUT /_mock/sims/{sim_id}/device), or one that cannot be reached or does not answer in time"
            + " (connect 2 s, answer at most 10 s), 422 MCK0404 ([UNKNOWN] the real codes and statuses)";

    @Override
    @Limitation("forwards method, path, headers and body to the device registered for the SIM, at {baseUrl}{path}"
            + " (host, port, ssl and skipVerify are not used: the device is the test's HTTP server); answers the"
            + " device's status, headers and body (base64, isBase64Encoded true, when it is not UTF-8)."
            + OFFLINE_OR_NO_DEVICE)
    public ResponseEntity<SimDownlinkHttpResponseDto> sendDownlinkHttp(String simId, SimDownlinkHttpRequestDto body) {
        DownlinkService.HttpAnswer a = downlink.http(op(), simId,
                body.getMethod() == null ? null : body.getMethod().getValue(), body.getPath(), body.getHeaders(),
                body.getBody());
        return ResponseEntity.ok(new SimDownlinkHttpResponseDto().statusCode(a.status()).headers(a.headers())
                .body(a.body()).isBase64Encoded(a.base64()));
    }

    @Override
    @Limitation("POSTs the payload's bytes to {baseUrl}/downlink/tcp/{port} of the device registered for the SIM and"
            + " answers the device's answer body as the data read back, in the payload's encoding (a non-2xx answer is"
            + " 422); the timeout is capped at 10 s." + OFFLINE_OR_NO_DEVICE)
    public ResponseEntity<SimDownlinkTcpResponseDto> sendDownlinkTcp(String simId, SimDownlinkTcpRequestDto body) {
        String encoding = body.getPayloadEncoding() == null ? "string" : body.getPayloadEncoding().getValue();
        String data = downlink.tcp(op(), simId, body.getPort(), body.getPayload(), encoding, body.getTimeout());
        return ResponseEntity.ok(new SimDownlinkTcpResponseDto().data(data)
                .dataEncoding(body.getPayloadEncoding() == null ? SimDownlinkBinaryEncodingDto.STRING
                        : body.getPayloadEncoding()));
    }

    @Override
    @Limitation("POSTs the payload's bytes to {baseUrl}/downlink/udp/{port} of the device registered for the SIM; as"
            + " UDP acknowledges nothing, a device that does not answer is still 204. A SIM that is not online is 400"
            + " MCK0403, one with no device registered 400 MCK0407 ([UNKNOWN] the real codes)")
    public ResponseEntity<Void> sendDownlinkUdp(String simId, SimDownlinkUdpRequestDto body) {
        String encoding = body.getPayloadEncoding() == null ? "string" : body.getPayloadEncoding().getValue();
        downlink.udp(op(), simId, body.getPort(), body.getPayload(), encoding);
        return ResponseEntity.noContent().build();
    }

    @Override
    @Limitation("each echo request is GET {baseUrl}/downlink/ping to the device registered for the SIM, a 2xx within"
            + " timeoutSeconds (at most 10) being a reply; stat and rtt are written as Linux ping's summary lines"
            + " ([UNKNOWN] the real format). A SIM offline or with no device answers 200 with success false (the"
            + " contract declares no error)")
    public ResponseEntity<DownlinkPingResponseDto> sendDownlinkPing(String simId, DownlinkPingRequestDto body) {
        int count = body == null || body.getNumberOfPingRequests() == null ? 1 : body.getNumberOfPingRequests();
        int timeout = body == null || body.getTimeoutSeconds() == null ? 1 : body.getTimeoutSeconds();
        DownlinkService.PingResult r = downlink.ping(op(), simId, Math.max(1, Math.min(count, 10)), timeout);
        int received = r.rtts().size();
        int loss = r.sent() == 0 ? 100 : (int) Math.round(100.0 * (r.sent() - received) / r.sent());
        String stat = r.sent() + " packets transmitted, " + received + " received, " + loss + "% packet loss";
        String rtt = "";
        if (received > 0) {
            double min = r.rtts().stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double max = r.rtts().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double avg = r.rtts().stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double mdev = Math.sqrt(r.rtts().stream().mapToDouble(v -> (v - avg) * (v - avg)).average().orElse(0));
            rtt = String.format(java.util.Locale.ROOT, "rtt min/avg/max/mdev = %.3f/%.3f/%.3f/%.3f ms", min, avg, max,
                    mdev);
        }
        return ResponseEntity.ok(new DownlinkPingResponseDto().success(received > 0).stat(stat).rtt(rtt));
    }

    // --- packet capture sessions (kept by the capture domain, port PacketCaptures) ---

    /** The caller's SIM's captures; 404 SEM0002 when the caller has no such SIM. */
    private PacketCaptures capturesOf(String simId) {
        sims.get(op(), Ref.sim(simId));
        return captures.getObject();
    }

    @Override
    @Limitation(PacketCaptures.LIFECYCLE)
    public ResponseEntity<PacketCaptureSessionDto> createSimPacketCaptureSession(String simId,
            PacketCaptureSessionRequestDto body) {
        return ResponseEntity.ok(capturesOf(simId).create(op(), simId, body.getDuration(), body.getPrefix()));
    }

    @Override
    @Limitation("sessions are listed oldest first ([UNKNOWN] the real order); last_evaluated_key is a session ID")
    public ResponseEntity<List<PacketCaptureSessionDto>> listSimPacketCaptureSessions(String simId,
            String lastEvaluatedKey, Integer limit) {
        PageRequest page = PageRequest.of(limit == null ? 10 : limit, lastEvaluatedKey, MAX_LIMIT);
        return Paging.ok(capturesOf(simId).list(op(), simId, page), s -> s, page);
    }

    @Override
    @Limitation("the status is read from the emulator's clock at each call: CAPTURING, then DONE with endedTime and url")
    public ResponseEntity<PacketCaptureSessionDto> getSimPacketCaptureSession(String simId, String sessionId) {
        return ResponseEntity.ok(capturesOf(simId).get(op(), simId, sessionId));
    }

    @Override
    @Limitation("only a CAPTURING session can be stopped (400 otherwise); the answer shows POST_PROCESSING and the"
            + " session is DONE, with its capture file, from then on ([UNKNOWN] whether the real API ends a stopped"
            + " session as DONE or STOPPED, and how long post-processing takes)")
    public ResponseEntity<PacketCaptureSessionDto> stopSimPacketCaptureSession(String simId, String sessionId) {
        return ResponseEntity.ok(capturesOf(simId).stop(op(), simId, sessionId));
    }

    @Override
    @Limitation("[UNKNOWN] the real rule: a session still CAPTURING cannot be deleted (400 MCK0905, stop it first);"
            + " a finished one is removed and its capture file with it; the answer is the session as it was")
    public ResponseEntity<PacketCaptureSessionDto> deleteSimPacketCaptureSession(String simId, String sessionId) {
        return ResponseEntity.ok(capturesOf(simId).delete(op(), simId, sessionId));
    }
}
