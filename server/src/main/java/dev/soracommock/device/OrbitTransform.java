package dev.soracommock.device;

import tools.jackson.databind.JsonNode;

/**
 * The Orbit step of the device pipeline: runs the soralet the SIM's group names ({@code SoracomOrbit}) on an uplink
 * message. Implemented by the Orbit domain as a bean; while there is none, the step is skipped and the message goes
 * on unchanged.
 */
public interface OrbitTransform {

    /** What the soralet made of the message: its output (body and content type) or a failure with its result code. */
    record Result(boolean success, int resultCode, String contentType, byte[] body, String error) {

        public static Result output(int resultCode, String contentType, byte[] body) {
            return new Result(true, resultCode, contentType, body, null);
        }

        public static Result failed(int resultCode, String error) {
            return new Result(false, resultCode, null, null, error);
        }
    }

    /**
     * Runs the uplink soralet configured in {@code orbitConfiguration} (the group's {@code SoracomOrbit} namespace,
     * enabled) on the message.
     */
    Result uplink(DeviceMessage message, JsonNode orbitConfiguration);
}
