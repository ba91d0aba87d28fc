package dev.soracommock.device;

import dev.soracommock.clock.MockClock;
import dev.soracommock.credential.CredentialService;
import dev.soracommock.group.GroupService;
import dev.soracommock.harvest.HarvestDataService;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.OperatorLogEntry;
import dev.soracommock.stats.StatsService;
import dev.soracommock.subscriber.SimService;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Unified Endpoint as a SIM's device reaches it ({@code POST /_mock/sims/{sim_id}/unified}). The SIM must be
 * owned, active and online; its group's configuration then decides, in Soracom's order:
 * <ol>
 * <li>Orbit ({@code SoracomOrbit}, enabled unless {@code enabled: false}): the soralet's output replaces the message
 * for the next steps ({@link OrbitTransform}; skipped while no bean implements it);</li>
 * <li>Harvest Data ({@code SoracomHarvest.enabled}): stored as an entry of {@code Subscriber/<imsi>} (with the SIM's
 * ID), category {@code SoracomHarvest.category} if set; counted in the Harvest stats;</li>
 * <li>Beam ({@code SoracomBeam}): the original message forwarded ({@link BeamForwarder}; skipped while no bean
 * implements it);</li>
 * <li>Funnel ({@code SoracomFunnel.enabled}) and Funk ({@code SoracomFunk.enabled}): the delivery recorded with
 * its destination and credentials ID ({@code GET /_mock/deliveries}); Funk's HTTP functions (Azure
 * {@code function-app}, Google {@code cloud-functions}) are called for real ({@link FunkFunctions}) and the device gets
 * their answer, a function that fails or cannot be reached is written to the operator's error log; other
 * destinations (cloud services) are not called; a credentials ID the operator does not have is written to its error
 * log (service Funnel / Funk).</li>
 * </ol>
 * The answer follows {@code UnifiedEndpoint.response.format}: {@code Auto} (default) answers the one service's
 * answer as is, or the Unified form when two or more took part; {@code Unified} always the Unified form
 * ({@code {"result":"ok","detail":{"harvest":{"statusCode":201,"body":""}}}}, 207 and {@code "ng"} when one failed);
 * a service's namespace name ({@code SoracomHarvest}…) that service's answer. The message's bytes (and the answer's)
 * count as the SIM's Air traffic.
 */
@Service
public class UnifiedEndpoint {

    static final String HARVEST = "harvest";
    static final String BEAM = "beam";
    static final String FUNNEL = "funnel";
    static final String FUNK = "funk";
    /** What the device gets when a destination cannot be reached [UNKNOWN: as Beam's step answers then]. */
    static final int GATEWAY_FAILURE = 502;

    /** The answer to the device. */
    record Answer(int status, String contentType, byte[] body) {
    }

    private final SimService sims;
    private final GroupService groups;
    private final HarvestDataService harvest;
    private final StatsService stats;
    private final CredentialService credentials;
    private final DeliveryStore deliveries;
    private final ObjectProvider<OrbitTransform> orbit;
    private final ObjectProvider<BeamForwarder> beam;
    private final FunkFunctions functions;
    private final ApplicationEventPublisher events;
    private final MockClock clock;
    private final JsonMapper json;

    UnifiedEndpoint(SimService sims, GroupService groups, HarvestDataService harvest, StatsService stats,
            CredentialService credentials, DeliveryStore deliveries, ObjectProvider<OrbitTransform> orbit,
            ObjectProvider<BeamForwarder> beam, FunkFunctions functions, ApplicationEventPublisher events,
            MockClock clock, JsonMapper json) {
        this.functions = functions;
        this.events = events;
        this.sims = sims;
        this.groups = groups;
        this.harvest = harvest;
        this.stats = stats;
        this.credentials = credentials;
        this.deliveries = deliveries;
        this.orbit = orbit;
        this.beam = beam;
        this.clock = clock;
        this.json = json;
    }

    @Transactional
    Answer receive(String simId, String contentType, byte[] body) {
        SimService.DeviceSim sim = sims.deviceSim(simId);
        if (!"active".equals(sim.status())) {
            throw new ApiException(ErrorCode.DEVICE_SIM_NOT_ACTIVE, simId, sim.status());
        }
        if (!sim.online()) {
            throw new ApiException(ErrorCode.DEVICE_SIM_OFFLINE, simId);
        }
        ObjectNode config = sim.groupId() == null ? json.createObjectNode()
                : groups.find(sim.operatorId(), sim.groupId()).map(GroupService.GroupView::configuration)
                        .orElse(json.createObjectNode());
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        DeviceMessage message = new DeviceMessage(sim.operatorId(), sim.simId(), sim.imsi(), sim.msisdn(), sim.imei(),
                sim.groupId(), clock.nowMillis(), type, body, type, body);

        // 1. Orbit
        JsonNode orbitConfig = config.get("SoracomOrbit");
        OrbitTransform transform = orbit.getIfAvailable();
        if (transform != null && orbitConfig != null && orbitConfig.isObject() && enabledUnlessOff(orbitConfig)) {
            OrbitTransform.Result result = transform.uplink(message, orbitConfig);
            if (!result.success()) {
                throw new ApiException(ErrorCode.DEVICE_ORBIT_FAILED, result.resultCode(),
                        result.error() == null ? "" : result.error());
            }
            message = message.withBody(result.contentType() == null ? "application/json" : result.contentType(),
                    result.body() == null ? new byte[0] : result.body());
        }

        Map<String, ServiceAnswer> answers = new LinkedHashMap<>();
        Map<String, String> counted = new LinkedHashMap<>();
        // 2. Harvest Data
        JsonNode harvestConfig = config.get("SoracomHarvest");
        if (enabled(harvestConfig)) {
            JsonNode category = harvestConfig.get("category");
            harvest.store(sim.operatorId(), "Subscriber", sim.imsi(), sim.simId(),
                    category != null && category.isString() ? category.asString() : null, message.contentType(),
                    message.body());
            answers.put(HARVEST, new ServiceAnswer(HttpStatus.CREATED.value(), null, new byte[0]));
            counted.put(StatsService.HARVEST, "http");
        }
        // 3. Beam
        JsonNode beamConfig = config.get("SoracomBeam");
        BeamForwarder forwarder = beam.getIfAvailable();
        if (forwarder != null && beamConfig != null && beamConfig.isObject()) {
            Optional<ServiceAnswer> forwarded = forwarder.forward(message, beamConfig);
            if (forwarded.isPresent()) {
                answers.put(BEAM, forwarded.get());
                counted.put(StatsService.BEAM, "inHttp");
            }
        }
        // 4. Funnel, Funk
        if (deliver(FUNNEL, config.get("SoracomFunnel"), message, answers, HttpStatus.NO_CONTENT.value(), new byte[0])) {
            counted.put(StatsService.FUNNEL, "http");
        }
        if (deliver(FUNK, config.get("SoracomFunk"), message, answers, HttpStatus.OK.value(),
                "{}".getBytes(StandardCharsets.UTF_8))) {
            callFunction(config.get("SoracomFunk"), message, answers);
            counted.put(StatsService.FUNK, "http");
        }

        if (answers.isEmpty()) {
            throw new ApiException(ErrorCode.DEVICE_NO_SERVICE, simId);
        }
        Answer answer = answer(config, answers);
        stats.recordDeviceMessage(sim.operatorId(), sim.simId(), sim.imsi(), sim.speedClass(), body.length,
                answer.body().length, counted);
        return answer;
    }

    /** Records the delivery when the service is enabled; whether it was. */
    private boolean deliver(String service, JsonNode settings, DeviceMessage message, Map<String, ServiceAnswer> answers,
            int status, byte[] answerBody) {
        if (!enabled(settings)) {
            return false;
        }
        JsonNode destination = settings.get("destination");
        String credentialsId = credentialsId(settings.get("credentialsId"));
        if (credentialsId != null
                && credentials.credentialsOf(message.operatorId(), credentialsId).isEmpty()) { // marks it used if there
            // the real service could not authenticate to the cloud: the delivery is still recorded, and the error logged
            Map<String, Object> logged = new LinkedHashMap<>();
            logged.put("message", "The credentials set " + credentialsId + " does not exist: the cloud destination"
                    + " could not be authenticated to");
            logged.put("credentialsId", credentialsId);
            logged.put("simId", message.simId());
            events.publishEvent(new dev.soracommock.kernel.OperatorLogEntry(message.operatorId(), "Subscriber",
                    message.imsi(), service.equals(FUNNEL) ? "Funnel" : "Funk", "error", logged, message.timestamp()));
        }
        deliveries.add(message.operatorId(), message.simId(), message.imsi(), service,
                destination == null ? null : json.writeValueAsString(destination), credentialsId, message.contentType(),
                message.body(), message.timestamp());
        answers.put(service, new ServiceAnswer(status, "application/json", answerBody));
        return true;
    }

    /** Funk's HTTP function called for real: its answer replaces the recorded one; a failure is logged. */
    private void callFunction(JsonNode settings, DeviceMessage message, Map<String, ServiceAnswer> answers) {
        JsonNode destination = settings.get("destination");
        if (!FunkFunctions.isHttpFunction(destination)) {
            return;
        }
        JsonNode configured = settings.get("contentType");
        String contentType = configured != null && configured.isString() && configured.asString().contains("/")
                ? configured.asString() : message.contentType();
        String credentialsId = credentialsId(settings.get("credentialsId"));
        FunkFunctions.Call call = functions.invoke(message, destination, contentType,
                credentialsId == null ? java.util.Optional.empty() : credentials.secretOf(message.operatorId(), credentialsId));
        if (call.error() != null) {
            answers.put(FUNK, new ServiceAnswer(GATEWAY_FAILURE, "text/plain", call.error().getBytes(StandardCharsets.UTF_8)));
        } else {
            answers.put(FUNK, new ServiceAnswer(call.status(), call.contentType(), call.body()));
        }
        if (call.error() != null || call.status() >= 400) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("message", call.error() != null ? call.error() : "the function answered " + call.status());
            body.put("resourceUrl", call.url());
            if (call.error() == null) {
                body.put("statusCode", call.status());
            }
            events.publishEvent(new OperatorLogEntry(message.operatorId(), "Subscriber", message.imsi(), "Funk", "error",
                    body, clock.nowMillis()));
        }
    }

    /** {@code "id"} or {@code {"$credentialsId":"id"}}. */
    private static String credentialsId(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.asString();
        }
        JsonNode ref = node.get("$credentialsId");
        return ref != null && ref.isString() ? ref.asString() : null;
    }

    private Answer answer(ObjectNode config, Map<String, ServiceAnswer> answers) {
        JsonNode format = config.path("UnifiedEndpoint").path("response").path("format");
        String f = format.isString() ? format.asString() : "Auto";
        String single = switch (f) {
            case "SoracomHarvest" -> HARVEST;
            case "SoracomBeam" -> BEAM;
            case "SoracomFunnel" -> FUNNEL;
            case "SoracomFunk" -> FUNK;
            default -> null;
        };
        if (single != null && answers.containsKey(single)) {
            return as(answers.get(single));
        }
        if (!"Unified".equals(f) && answers.size() == 1) {
            return as(answers.values().iterator().next());
        }
        ObjectNode out = json.createObjectNode();
        boolean ok = answers.values().stream().allMatch(ServiceAnswer::ok);
        out.put("result", ok ? "ok" : "ng");
        ObjectNode detail = out.putObject("detail");
        answers.forEach((name, a) -> detail.putObject(name).put("statusCode", a.statusCode())
                .put("body", new String(a.body() == null ? new byte[0] : a.body(), StandardCharsets.UTF_8)));
        return new Answer(ok ? 200 : 207, "application/json", json.writeValueAsBytes(out));
    }

    private static Answer as(ServiceAnswer a) {
        return new Answer(a.statusCode(), a.contentType(), a.body() == null ? new byte[0] : a.body());
    }

    /** {@code enabled: true} (or "true"). */
    private static boolean enabled(JsonNode settings) {
        if (settings == null || !settings.isObject()) {
            return false;
        }
        JsonNode e = settings.get("enabled");
        return e != null && (e.isBoolean() ? e.asBoolean() : "true".equalsIgnoreCase(e.asString("")));
    }

    /** Enabled unless {@code enabled: false} (Orbit's configuration names a soralet; enabled is optional). */
    private static boolean enabledUnlessOff(JsonNode settings) {
        JsonNode e = settings.get("enabled");
        return e == null || (e.isBoolean() ? e.asBoolean() : !"false".equalsIgnoreCase(e.asString("")));
    }
}
