package dev.soracommock.subscriber;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The device side, for tests (not part of Soracom's API, not authenticated: a test tool; the SIM ID alone names the
 * SIM). {@code POST /_mock/sims/{sim_id}/session {"online":true,"imei":"…","ip":"10.…","cell":{…}}} puts a SIM online
 * (a new session and a {@code Created} event) or, with {@code "online":false}, offline (a {@code Deleted} event, the
 * session becomes {@code previousSession}). {@code GET /_mock/sims/{sim_id}/sms} lists the SMS sent to it.
 */
@RestController
class DeviceControl {

    private final SimService sims;
    private final SimViews views;
    private final JsonMapper json;

    DeviceControl(SimService sims, SimViews views, JsonMapper json) {
        this.sims = sims;
        this.views = views;
        this.json = json;
    }

    @PostMapping(path = "/_mock/sims/{sim_id}/session", produces = "application/json")
    ResponseEntity<Object> session(@PathVariable("sim_id") String simId,
            @RequestBody(required = false) JsonNode body) {
        boolean online = body == null || body.get("online") == null || body.get("online").asBoolean();
        String imei = text(body, "imei");
        String ip = text(body, "ip");
        JsonNode cell = body == null ? null : body.get("cell");
        String cellJson = cell == null || cell.isNull() ? null : json.writeValueAsString(cell);
        Sim sim = sims.deviceSession(simId, online, imei, ip, cellJson);
        return ResponseEntity.ok(views.sim(sim));
    }

    @GetMapping(path = "/_mock/sims/{sim_id}/sms", produces = "application/json")
    List<Map<String, Object>> sms(@PathVariable("sim_id") String simId) {
        return sims.smsOf(simId).stream().map(m -> Map.<String, Object>of(
                "messageId", m.messageId(), "simId", m.simId(), "imsi", m.imsi(), "encodingType", m.encodingType(),
                "payload", m.payload() == null ? "" : m.payload(), "createdTime", m.createdAt())).toList();
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body == null ? null : body.get(field);
        return n == null || n.isNull() ? null : n.asString();
    }
}
