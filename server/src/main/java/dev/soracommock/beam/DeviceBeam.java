package dev.soracommock.beam;

import dev.soracommock.credential.CredentialService;
import dev.soracommock.device.BeamForwarder;
import dev.soracommock.device.DeviceMessage;
import dev.soracommock.device.ServiceAnswer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Beam as the Unified Endpoint's Beam step: the message (after Orbit, when a soralet ran) forwarded by
 * {@link BeamForwarding}, pre-shared keys from the operator's credentials. A destination that cannot be reached (or
 * is not http(s), or a signature whose key is missing) is answered {@value #GATEWAY_FAILURE} with the reason as
 * text: what the real Beam answers then is not documented [UNKNOWN]; a gateway error is what a device would expect.
 */
@Component
class DeviceBeam implements BeamForwarder {

    static final int GATEWAY_FAILURE = 502;

    private final BeamForwarding forwarding;
    private final CredentialService credentials;

    DeviceBeam(BeamForwarding forwarding, CredentialService credentials) {
        this.forwarding = forwarding;
        this.credentials = credentials;
    }

    @Override
    public Optional<ServiceAnswer> forward(DeviceMessage message, JsonNode beamConfiguration) {
        BeamMessage sent = new BeamMessage(message.simId(), message.imsi(), message.msisdn(), message.imei(), "POST",
                "/", message.contentType(), message.body());
        return forwarding.forward(beamConfiguration, sent, id -> credentials.secretOf(message.operatorId(), id))
                .map(r -> r.delivered()
                        ? new ServiceAnswer(r.statusCode(), r.contentType(), r.body())
                        : new ServiceAnswer(GATEWAY_FAILURE, "text/plain", r.error().getBytes(StandardCharsets.UTF_8)));
    }
}
