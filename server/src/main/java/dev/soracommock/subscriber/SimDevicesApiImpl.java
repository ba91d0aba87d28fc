package dev.soracommock.subscriber;

import dev.soracommock.api.mock.SimDevicesApiDelegate;
import dev.soracommock.api.mock.model.ReceivedSmsDto;
import dev.soracommock.api.mock.model.SessionChangeDto;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The device side of a SIM, for tests (control API, no credentials: the SIM ID alone names the SIM).
 * {@code POST /_mock/sims/{sim_id}/session {"online":true,"imei":"…","ip":"10.…","cell":{…}}} puts a SIM online
 * (a new session and a {@code Created} event) or, with {@code "online":false}, offline (a {@code Deleted} event, the
 * session becomes {@code previousSession}). {@code GET /_mock/sims/{sim_id}/sms} lists the SMS sent to it.
 */
@Component
class SimDevicesApiImpl implements SimDevicesApiDelegate {

    private final SimService sims;
    private final SimViews views;
    private final JsonMapper json;

    SimDevicesApiImpl(SimService sims, SimViews views, JsonMapper json) {
        this.sims = sims;
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
}
