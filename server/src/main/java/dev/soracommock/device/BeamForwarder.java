package dev.soracommock.device;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The Beam step of the device pipeline: forwards the message to the destination the SIM's group configures
 * ({@code SoracomBeam}, the HTTP entry points), with Soracom's headers and signature. Implemented by the Beam domain
 * as a bean; while there is none, the step is skipped (Beam takes no part in the answer).
 */
public interface BeamForwarder {

    /**
     * Forwards the message as the configured entry point says and answers what the destination answered (a 5xx-free
     * status of the emulator's choice when it cannot be reached), or empty when no entry point of
     * {@code beamConfiguration} (the group's {@code SoracomBeam} namespace) applies to the Unified Endpoint.
     */
    Optional<ServiceAnswer> forward(DeviceMessage message, JsonNode beamConfiguration);
}
