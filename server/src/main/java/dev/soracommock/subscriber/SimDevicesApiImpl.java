package dev.soracommock.subscriber;

import dev.soracommock.api.mock.SimDevicesApiDelegate;
import dev.soracommock.api.mock.model.ReceivedSmsDto;
import dev.soracommock.api.mock.model.SessionChangeDto;
import dev.soracommock.api.mock.model.SimDeviceDto;
import dev.soracommock.api.mock.model.SimDeviceRegistrationDto;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The device side of a SIM, for tests (control API, no credentials: the SIM ID alone names the SIM).
 * {@code POST /_mock/sims/{sim_id}/session {"online":true,"imei":"…","ip":"10.…","cell":{…}}} puts a SIM online
 * (a new session and a {@code Created} event) or, with {@code "online":false}, offline (a {@code Deleted} event, the
 * session becomes {@code previousSession}). {@code GET /_mock/sims/{sim_id}/sms} lists the SMS sent to it.
 * {@code PUT|GET|DELETE /_mock/sims/{sim_id}/device}: where its simulated device listens ({@link DownlinkService}).
 */
@Component
class SimDevicesApiImpl implements SimDevicesApiDelegate {

    private final SimService sims;
    private final SimViews views;
    private final JsonMapper json;
    private final DownlinkService downlink;

    SimDevicesApiImpl(SimService sims, SimViews views, JsonMapper json, DownlinkService downlink) {
        this.sims = sims;
        this.downlink = downlink;
        this.views = views;
        this.json = json;
    }

    @Override
    public ResponseEntity<Object> simulateSession(String simId, SessionChangeDto change) {
        boolean online = change == null || change.getOnline() == null || change.getOnline();
        String imei = change == null ? null : change.getImei();
        String ip = change == null ? null : change.getIp();
        Object cell = change == null ? null : change.getCell();
        String cellJson = cell == null ? null : json.writeValueAsString(cell);
        Sim sim = sims.deviceSession(simId, online, imei, ip, cellJson);
        return ResponseEntity.ok(views.sim(sim));
    }

    @Override
    public ResponseEntity<List<ReceivedSmsDto>> listReceivedSms(String simId) {
        return ResponseEntity.ok(sims.smsOf(simId).stream().map(m -> new ReceivedSmsDto().messageId(m.messageId())
                .simId(m.simId()).imsi(m.imsi()).encodingType(m.encodingType())
                .payload(m.payload() == null ? "" : m.payload()).createdTime(m.createdAt())).toList());
    }

    @Override
    public ResponseEntity<SimDeviceRegistrationDto> registerSimDevice(String simId, SimDeviceDto body) {
        return ResponseEntity.ok(dto(downlink.register(simId, body == null ? null : body.getBaseUrl())));
    }

    @Override
    public ResponseEntity<SimDeviceRegistrationDto> getSimDevice(String simId) {
        return ResponseEntity.ok(dto(downlink.registration(simId)));
    }

    @Override
    public ResponseEntity<Void> unregisterSimDevice(String simId) {
        downlink.unregister(simId);
        return ResponseEntity.noContent().build();
    }

    private static SimDeviceRegistrationDto dto(DownlinkService.Registration r) {
        return new SimDeviceRegistrationDto().simId(r.simId()).baseUrl(r.baseUrl()).registeredTime(r.registeredAt());
    }
}
