package dev.soracommock.subscriber;

import dev.soracommock.api.soracom.model.CapabilitiesDto;
import dev.soracommock.api.soracom.model.CellDto;
import dev.soracommock.api.soracom.model.ImeiLockDto;
import dev.soracommock.api.soracom.model.PreviousSessionStatusDto;
import dev.soracommock.api.soracom.model.SessionEventDto;
import dev.soracommock.api.soracom.model.SessionStatusDto;
import dev.soracommock.api.soracom.model.SimDto;
import dev.soracommock.api.soracom.model.SimProfileDto;
import dev.soracommock.api.soracom.model.SimStatusHistoryResponseDto;
import dev.soracommock.api.soracom.model.SimplifiedSubscriberDto;
import dev.soracommock.api.soracom.model.SubscriberDto;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two views of one SIM: the Subscriber object ({@code /subscribers/…}, one per IMSI) and the Sim object
 * ({@code /sims/…}). Unset fields stay null here and are left out of answers (contract/NullPolicy), times are epoch ms,
 * {@code speedClass} and {@code type} of a Subscriber are the same value.
 */
@Component
class SimViews {

    /** DNS servers the real service hands out (SWIFT fixture, soracom-facts §6). */
    static final List<String> DNS_SERVERS = List.of("100.127.0.53", "100.127.1.53");

    private final JsonMapper json;

    SimViews(JsonMapper json) {
        this.json = json;
    }

    SubscriberDto subscriber(Sim sim, String imsi) {
        Subscription sub = sim.subscriptions().stream().filter(s -> s.imsi().equals(imsi)).findFirst()
                .orElse(sim.primary());
        return subscriber(sim, sub);
    }

    SubscriberDto subscriber(Subscription sub) {
        return subscriber(sub.sim(), sub);
    }

    SubscriberDto subscriber(Sim sim, Subscription sub) {
        SubscriberDto d = new SubscriberDto()
                .apn(sub.apn())
                .bundles(new ArrayList<>(sub.bundles()))
                .createdAt(sim.createdAt())
                .createdTime(sim.createdAt())
                .expiredAt(sim.expiryTime())
                .expiryAction(sim.expiryAction() == null ? null
                        : SubscriberDto.ExpiryActionEnum.fromValue(sim.expiryAction()))
                .expiryTime(sim.expiryTime())
                .groupId(sim.groupId())
                .iccid(sub.iccid())
                .imeiLock(imeiLock(sim))
                .imsi(sub.imsi())
                .ipAddress(sub.ipAddress())
                .lastModifiedAt(sim.modifiedAt())
                .lastModifiedTime(sim.modifiedAt())
                .moduleType(SubscriberDto.ModuleTypeEnum.fromValue(sim.moduleType()))
                .msisdn(sub.msisdn())
                .operatorId(sim.operatorId())
                .plan(sub.smsPlan())
                .previousSession(previousSession(sim))
                .registeredTime(sim.registeredAt())
                .serialNumber(sim.serialNumber())
                .sessionStatus(sessionStatus(sim))
                .simId(sim.simId())
                .speedClass(sim.speedClass())
                .status(SubscriberDto.StatusEnum.fromValue(sim.status()))
                .subscription(sub.subscription())
                .tags(new LinkedHashMap<>(sim.tags()))
                .terminationEnabled(sim.terminationEnabled())
                .type(sim.speedClass());
        return d;
    }

    SimDto sim(Sim sim) {
        Subscription primary = sim.primary();
        Map<String, SimProfileDto> profiles = new LinkedHashMap<>();
        for (Subscription sub : sim.subscriptions()) {
            String key = sub.iccid() == null ? sim.simId() : sub.iccid();
            SimProfileDto profile = profiles.computeIfAbsent(key, k -> new SimProfileDto().iccid(k).otaSupported(false)
                    .primaryImsi(primary.imsi()).subscribers(new LinkedHashMap<>()));
            profile.putSubscribersItem(sub.imsi(), new SimplifiedSubscriberDto()
                    .bundles(new ArrayList<>(sub.bundles()))
                    .capabilities(new CapabilitiesDto().data(true).sms(sub.msisdn() != null))
                    .imsi(sub.imsi())
                    .msisdn(sub.msisdn())
                    .status(SimplifiedSubscriberDto.StatusEnum.fromValue(subscriptionStatus(sim.status())))
                    .subscription(sub.subscription()));
        }
        return new SimDto()
                .activeProfileId(primary.iccid() == null ? sim.simId() : primary.iccid())
                .capabilities(new CapabilitiesDto().data(true).sms(primary.msisdn() != null))
                .createdTime(sim.createdAt())
                .expiryAction(sim.expiryAction() == null ? null : SimDto.ExpiryActionEnum.fromValue(sim.expiryAction()))
                .expiryTime(sim.expiryTime())
                .groupId(sim.groupId())
                .imeiLock(imeiLock(sim))
                .lastModifiedTime(sim.modifiedAt())
                .moduleType(SimDto.ModuleTypeEnum.fromValue(sim.moduleType()))
                .operatorId(sim.operatorId())
                .previousSession(previousSession(sim))
                .profiles(profiles)
                .serialNumber(sim.serialNumber())
                .sessionStatus(sessionStatus(sim))
                .simId(sim.simId())
                .speedClass(sim.speedClass())
                .status(SimDto.StatusEnum.fromValue(sim.status()))
                .tags(new LinkedHashMap<>(sim.tags()))
                .terminationEnabled(sim.terminationEnabled())
                .type(SimDto.TypeEnum.fromValue(sim.simType()));
    }

    /**
     * The status of a subscription inside a Sim's profile has fewer values than a SIM's ({@code SimplifiedSubscriber}
     * enum: shipped, delivered, ready, active, terminated): a SIM that is inactive, standing by or suspended still
     * has an active subscription [UNKNOWN; chosen].
     */
    private static String subscriptionStatus(String simStatus) {
        return switch (simStatus) {
            case "ready", "terminated" -> simStatus;
            default -> "active";
        };
    }

    SimStatusHistoryResponseDto history(StatusChange c) {
        return new SimStatusHistoryResponseDto()
                .applyDateTimeEpochSec((int) (c.appliedAt() / 1000))
                .bundles(new ArrayList<>(c.bundles()))
                .groupId(c.groupId())
                .imsi(c.imsi())
                .isPrimary(true)
                .primaryImsi(c.imsi())
                .simId(c.simId())
                .speedClass(c.speedClass())
                .status(c.status())
                .subscription(c.subscription());
    }

    SessionEventDto event(SessionEvent e) {
        return new SessionEventDto()
                .apn(e.apn())
                .createdTime(Instant.ofEpochMilli(e.time()).toString())
                .dns0(DNS_SERVERS.get(0))
                .dns1(DNS_SERVERS.get(1))
                .event(e.event())
                .imei(e.imei())
                .imsi(e.imsi())
                .operatorId(e.operatorId())
                .sessionId(e.sessionId())
                .simId(e.simId())
                .subscription(e.subscription())
                .time(e.time())
                .ueIpAddress(e.ueIp());
    }

    private static ImeiLockDto imeiLock(Sim sim) {
        return sim.imeiLockSet() ? new ImeiLockDto().imei(sim.imeiLock()) : null;
    }

    private SessionStatusDto sessionStatus(Sim sim) {
        SessionStatusDto d = new SessionStatusDto().online(sim.online()).lastUpdatedAt(sim.sessionUpdatedAt());
        if (sim.online()) {
            Subscription primary = sim.primary();
            d.imei(sim.sessionImei())
                    .imsi(primary.imsi())
                    .ueIpAddress(sim.sessionIp())
                    .dnsServers(new ArrayList<>(DNS_SERVERS))
                    .sessionId(sim.sessionId())
                    .subscription(primary.subscription())
                    .cell(cell(sim.sessionCell()));
        }
        return d;
    }

    private PreviousSessionStatusDto previousSession(Sim sim) {
        if (sim.prevDeletedAt() == null) {
            return null;
        }
        Subscription primary = sim.primary();
        PreviousSessionStatusDto d = new PreviousSessionStatusDto()
                .createdTime(sim.prevCreatedAt())
                .deletedTime(sim.prevDeletedAt())
                .dnsServers(new ArrayList<>(DNS_SERVERS))
                .imei(sim.prevImei())
                .imsi(primary.imsi())
                .sessionId(sim.prevSessionId())
                .subscription(primary.subscription())
                .ueIpAddress(sim.prevIp())
                .cell(cell(sim.prevCell()));
        return d;
    }

    private CellDto cell(String cellJson) {
        return cellJson == null ? null : json.readValue(cellJson, CellDto.class);
    }
}
