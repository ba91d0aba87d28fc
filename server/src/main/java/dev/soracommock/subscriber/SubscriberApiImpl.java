package dev.soracommock.subscriber;

import dev.soracommock.api.soracom.SubscriberApiDelegate;
import dev.soracommock.api.soracom.model.ExpiryTimeDto;
import dev.soracommock.api.soracom.model.RegisterSubscribersRequestDto;
import dev.soracommock.api.soracom.model.SessionEventDto;
import dev.soracommock.api.soracom.model.SetGroupRequestDto;
import dev.soracommock.api.soracom.model.SetImeiLockRequestDto;
import dev.soracommock.api.soracom.model.SmsForwardingReportDto;
import dev.soracommock.api.soracom.model.SmsForwardingRequestDto;
import dev.soracommock.api.soracom.model.SubscriberDto;
import dev.soracommock.api.soracom.model.TagUpdateRequestDto;
import dev.soracommock.api.soracom.model.UpdateSpeedClassRequestDto;
import dev.soracommock.coverage.LeftToFallback;
import dev.soracommock.coverage.Limitation;
import dev.soracommock.subscriber.SimService.Ref;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.CurrentCaller;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.Paging;
import dev.soracommock.kernel.Paging.PageRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Subscriber tag: the subscriber view ({@code /subscribers/{imsi}}) of the SIMs {@link SimService} keeps. */
@Component
@LeftToFallback(operations = {"issueSubscriberTransferToken", "verifySubscriberTransferToken",
        "deleteSubscriberTransferToken"},
        reason = "transferring SIMs between operators is not emulated (needs a second operator's consent flow)")
@LeftToFallback(operations = {"exportSubscribers"}, reason = "file export (a download URL) is not emulated")
@LeftToFallback(operations = {"subscriberDownlinkPingToUserEquipment"},
        reason = "no device is connected: a downlink ping has nothing to reach")
class SubscriberApiImpl implements SubscriberApiDelegate {

    static final int MAX_LIMIT = 100;

    private final SimService sims;
    private final SimViews views;
    private final CurrentCaller caller;

    private final org.springframework.beans.factory.ObjectProvider<DataEntries> data;
    private final DownlinkService downlink;

    SubscriberApiImpl(SimService sims, SimViews views, CurrentCaller caller,
            org.springframework.beans.factory.ObjectProvider<DataEntries> data, DownlinkService downlink) {
        this.data = data;
        this.downlink = downlink;
        this.sims = sims;
        this.views = views;
        this.caller = caller;
    }

    private ResponseEntity<SubscriberDto> ok(Sim sim, String imsi) {
        return ResponseEntity.ok(views.subscriber(sim, imsi));
    }

    @Override
    @Limitation("answers 200 (what the sandbox answers and SDK tests require, soracom-facts §3.5) although the contract"
            + " documents 201")
    public ResponseEntity<SubscriberDto> registerSubscriber(String imsi, RegisterSubscribersRequestDto body) {
        Sim sim = sims.register(caller.operatorId(), Ref.imsi(imsi), body.getRegistrationSecret(), body.getGroupId(),
                body.getTags());
        return ok(sim, imsi);
    }

    @Override
    public ResponseEntity<SubscriberDto> getSubscriber(String imsi) {
        return ok(sims.get(caller.operatorId(), Ref.imsi(imsi)), imsi);
    }

    @Override
    @Limitation("status_filter and speed_class_filter take several values separated by '|' (or ','); "
            + "serial_number_filter matches serial numbers starting with the value; type_filter (the Go SDK's name) is "
            + "speed_class_filter; a limit over 100 (the Ruby SDK's 1024, the Swift SDK's 999) pages by 100; an operatorId "
            + "query parameter (the Ruby SDK) is dropped when it is the caller's and refused 400 AUM0016 when it is "
            + "another's (the real answer to another's is not known; the request step's leniency policy)")
    public ResponseEntity<List<SubscriberDto>> listSubscribers(String tagName, String tagValue,
            String tagValueMatchMode, String statusFilter, String speedClassFilter, String serialNumberFilter,
            Integer limit, String lastEvaluatedKey) {
        if (tagName != null && !tagName.isEmpty() && tagValue == null) {
            throw new ApiException(ErrorCode.TAG_VALUE_REQUIRED);
        }
        SimQueries.SubscriberFilter filter = new SimQueries.SubscriberFilter(
                tagName == null || tagName.isEmpty() ? null : tagName, tagValue, "prefix".equals(tagValueMatchMode),
                values(statusFilter), values(speedClassFilter), values(serialNumberFilter));
        PageRequest page = PageRequest.of(limit, lastEvaluatedKey, MAX_LIMIT);
        return Paging.ok(sims.listSubscribers(caller.operatorId(), filter, page), views::subscriber, page);
    }

    /** {@code a|b} or {@code a,b} → [a, b]; null or blank → null (no filter). */
    static List<String> values(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        List<String> v = Arrays.stream(filter.split("[|,]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return v.isEmpty() ? null : v;
    }

    // --- status ---

    @Override
    public ResponseEntity<SubscriberDto> activateSubscriber(String imsi) {
        return ok(sims.changeStatus(caller.operatorId(), Ref.imsi(imsi), "active"), imsi);
    }

    @Override
    public ResponseEntity<SubscriberDto> deactivateSubscriber(String imsi) {
        return ok(sims.changeStatus(caller.operatorId(), Ref.imsi(imsi), "inactive"), imsi);
    }

    @Override
    public ResponseEntity<SubscriberDto> setSubscriberToStandby(String imsi) {
        return ok(sims.changeStatus(caller.operatorId(), Ref.imsi(imsi), "standby"), imsi);
    }

    @Override
    public ResponseEntity<SubscriberDto> suspendSubscriber(String imsi) {
        return ok(sims.changeStatus(caller.operatorId(), Ref.imsi(imsi), "suspended"), imsi);
    }

    @Override
    public ResponseEntity<SubscriberDto> terminateSubscriber(String imsi) {
        return ok(sims.changeStatus(caller.operatorId(), Ref.imsi(imsi), "terminated"), imsi);
    }

    @Override
    public ResponseEntity<SubscriberDto> enableTermination(String imsi) {
        return ok(sims.setTerminationEnabled(caller.operatorId(), Ref.imsi(imsi), true), imsi);
    }

    @Override
    public ResponseEntity<SubscriberDto> disableTermination(String imsi) {
        return ok(sims.setTerminationEnabled(caller.operatorId(), Ref.imsi(imsi), false), imsi);
    }

    // --- everything else a SIM has ---

    @Override
    public ResponseEntity<SubscriberDto> updateSpeedClass(String imsi, UpdateSpeedClassRequestDto body) {
        return ok(sims.updateSpeedClass(caller.operatorId(), Ref.imsi(imsi), body.getSpeedClass().getValue()), imsi);
    }

    @Override
    public ResponseEntity<SubscriberDto> putBundles(String imsi, List<String> bundles) {
        return ok(sims.putBundles(caller.operatorId(), Ref.imsi(imsi), bundles == null ? List.of() : bundles), imsi);
    }

    @Override
    public ResponseEntity<SubscriberDto> putSubscriberTags(String imsi, List<TagUpdateRequestDto> tags) {
        return ok(sims.putTags(caller.operatorId(), Ref.imsi(imsi), tagMap(tags)), imsi);
    }

    static Map<String, String> tagMap(List<TagUpdateRequestDto> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        if (tags != null) {
            tags.forEach(t -> map.put(t.getTagName(), t.getTagValue() == null ? "" : t.getTagValue()));
        }
        return map;
    }

    @Override
    public ResponseEntity<Void> deleteSubscriberTag(String imsi, String tagName) {
        sims.deleteTag(caller.operatorId(), Ref.imsi(imsi), tagName);
        return ResponseEntity.noContent().build();
    }

    @Override
    @Limitation("without the groups domain every group ID is unknown (404)")
    public ResponseEntity<SubscriberDto> setGroup(String imsi, SetGroupRequestDto body) {
        return ok(sims.setGroup(caller.operatorId(), Ref.imsi(imsi), body == null ? null : body.getGroupId()), imsi);
    }

    @Override
    public ResponseEntity<SubscriberDto> unsetGroup(String imsi) {
        return ok(sims.unsetGroup(caller.operatorId(), Ref.imsi(imsi)), imsi);
    }

    @Override
    @Limitation("the expiry action is carried out when the SIM is next addressed by itself after the (mock) clock passed"
            + " the expiry time (not by lists and searches); the expiry is then cleared")
    public ResponseEntity<SubscriberDto> setExpiryTime(String imsi, ExpiryTimeDto body) {
        return ok(sims.setExpiry(caller.operatorId(), Ref.imsi(imsi), body.getExpiryTime(), expiryAction(body)), imsi);
    }

    static String expiryAction(ExpiryTimeDto body) {
        if (body.getExpiryAction() == null || body.getExpiryAction() == ExpiryTimeDto.ExpiryActionEnum._NULL_VALUE_) {
            return null;
        }
        return body.getExpiryAction().getValue();
    }

    @Override
    public ResponseEntity<SubscriberDto> unsetExpiryTime(String imsi) {
        return ok(sims.unsetExpiry(caller.operatorId(), Ref.imsi(imsi)), imsi);
    }

    @Override
    public ResponseEntity<SubscriberDto> setImeiLock(String imsi, SetImeiLockRequestDto body) {
        return ok(sims.setImeiLock(caller.operatorId(), Ref.imsi(imsi), body == null ? null : body.getImei()), imsi);
    }

    @Override
    public ResponseEntity<SubscriberDto> unsetImeiLock(String imsi) {
        return ok(sims.unsetImeiLock(caller.operatorId(), Ref.imsi(imsi)), imsi);
    }

    @Override
    public ResponseEntity<SubscriberDto> deleteSubscriberSession(String imsi) {
        return ok(sims.deleteSession(caller.operatorId(), Ref.imsi(imsi)), imsi);
    }

    @Override
    @Limitation("events exist only for sessions started or ended through /_mock/sims/{sim_id}/session")
    public ResponseEntity<List<SessionEventDto>> listSessionEvents(String imsi, Long from, Long to,
            Integer limit, String lastEvaluatedKey) {
        PageRequest page = PageRequest.of(limit, lastEvaluatedKey, MAX_LIMIT);
        return Paging.ok(sims.sessionEvents(caller.operatorId(), Ref.imsi(imsi), from, to, page), views::event, page);
    }

    @Override
    @Limitation("the message is kept (GET /_mock/sims/{sim_id}/sms) and, when the SIM has a device registered (PUT"
            + " /_mock/sims/{sim_id}/device), POSTed to its {baseUrl}/sms, as sendSmsToSim does")
    public ResponseEntity<SmsForwardingReportDto> sendSms(String imsi, SmsForwardingRequestDto body) {
        String id = sims.sendSms(caller.operatorId(), Ref.imsi(imsi), body == null ? null : body.getEncodingType(),
                body == null ? null : body.getPayload());
        downlink.deliverSms(caller.operatorId(), id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new SmsForwardingReportDto().messageId(id));
    }

    @Override
    @Limitation("the message is kept (GET /_mock/sims/{sim_id}/sms) and, when the SIM has a device registered (PUT"
            + " /_mock/sims/{sim_id}/device), POSTed to its {baseUrl}/sms, as sendSmsToSim does")
    public ResponseEntity<SmsForwardingReportDto> sendSmsByMsisdn(String msisdn, SmsForwardingRequestDto body) {
        String id = sims.sendSmsByMsisdn(caller.operatorId(), msisdn, body == null ? null : body.getEncodingType(),
                body == null ? null : body.getPayload());
        downlink.deliverSms(caller.operatorId(), id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new SmsForwardingReportDto().messageId(id));
    }

    @Override
    @Limitation("records when the report was requested; no device answers, so the SIM's localInfo stays empty")
    public ResponseEntity<SubscriberDto> reportLocalInfo(String imsi) {
        Sim sim = sims.reportLocalInfo(caller.operatorId(), Ref.imsi(imsi));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(views.subscriber(sim, imsi));
    }

    @Override
    @Limitation("the subscriber's data: entries stored under Subscriber/<imsi>; "
            + "404 when the caller has no such subscriber")
    public ResponseEntity<List<dev.soracommock.api.soracom.model.DataEntryDto>> getDataFromSubscriber(String imsi, Long from, Long to,
            String sort, Integer limit, String lastEvaluatedKey) {
        String op = caller.operatorId();
        sims.get(op, Ref.imsi(imsi));
        PageRequest page = PageRequest.of(limit == null ? 10 : limit, lastEvaluatedKey, 1000);
        DataEntries entries = data.getIfAvailable();
        Paging.Page<DataEntries.Entry> found = entries == null ? new Paging.Page<>(List.of(), null)
                : entries.ofSubscriber(op, imsi, from, to, "asc".equals(sort), page);
        return Paging.ok(found, e -> new dev.soracommock.api.soracom.model.DataEntryDto().time(e.time())
                .contentType(e.contentType()).content(e.content()), page);
    }
}
