package dev.soracommock.beam;

import dev.soracommock.credential.CredentialService;
import dev.soracommock.device.BeamForwarder;
import dev.soracommock.device.DeviceMessage;
import dev.soracommock.device.ServiceAnswer;
import dev.soracommock.kernel.OperatorLogEntry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Beam as the Unified Endpoint's Beam step: the message (after Orbit, when a soralet ran) forwarded by
 * {@link BeamForwarding}, pre-shared keys from the operator's credentials. A destination that cannot be reached (or
 * is not http(s), or a signature whose key is missing) is answered {@value #GATEWAY_FAILURE} with the reason as
 * text: what the real Beam answers then is not documented [UNKNOWN]; a gateway error is what a device would expect.
 * Such a failure, and a destination that answers 5xx, is written to the operator's error log (service Beam, the SIM's
 * Subscriber) as a {@link OperatorLogEntry}.
 */
@Component
class DeviceBeam implements BeamForwarder {

    static final int GATEWAY_FAILURE = 502;

    private final BeamForwarding forwarding;
    private final CredentialService credentials;
    private final ApplicationEventPublisher events;

    DeviceBeam(BeamForwarding forwarding, CredentialService credentials, ApplicationEventPublisher events) {
        this.forwarding = forwarding;
        this.credentials = credentials;
        this.events = events;
    }

    @Override
    public Optional<ServiceAnswer> forward(DeviceMessage message, JsonNode beamConfiguration) {
        BeamMessage sent = new BeamMessage(message.simId(), message.imsi(), message.msisdn(), message.imei(), "POST",
                "/", message.contentType(), message.body());
        Optional<BeamResult> result = forwarding.forward(beamConfiguration, sent,
                id -> credentials.secretOf(message.operatorId(), id));
        result.filter(r -> !r.delivered() || r.statusCode() >= 500).ifPresent(r -> logFailure(message, r));
        return result.map(r -> r.delivered()
                ? new ServiceAnswer(r.statusCode(), r.contentType(), r.body())
                : new ServiceAnswer(GATEWAY_FAILURE, "text/plain", r.error().getBytes(StandardCharsets.UTF_8)));
    }

    private void logFailure(DeviceMessage message, BeamResult r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", r.delivered() ? "The destination answered " + r.statusCode()
                : "The message could not be forwarded: " + r.error());
        body.put("entryPoint", r.entryPoint());
        if (r.url() != null) {
            body.put("destination", r.url());
        }
        if (r.delivered()) {
            body.put("statusCode", r.statusCode());
        }
        body.put("simId", message.simId());
        events.publishEvent(new OperatorLogEntry(message.operatorId(), "Subscriber", message.imsi(), "Beam", "error",
                body, message.timestamp()));
    }
}
