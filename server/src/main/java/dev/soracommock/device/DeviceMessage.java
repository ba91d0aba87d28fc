package dev.soracommock.device;

/**
 * A message a SIM's device sent to the Unified Endpoint, as the steps of the pipeline see it: the sender, the time
 * of receipt (ms, the emulator's clock), the body as it stands at this step (after Orbit when a soralet ran) and the
 * body as the device sent it.
 */
public record DeviceMessage(String operatorId, String simId, String imsi, String msisdn, String imei, String groupId,
        long timestamp, String contentType, byte[] body, String originalContentType, byte[] originalBody) {

    /** The same message with another body (what Orbit's output replaces). */
    public DeviceMessage withBody(String newContentType, byte[] newBody) {
        return new DeviceMessage(operatorId, simId, imsi, msisdn, imei, groupId, timestamp, newContentType, newBody,
                originalContentType, originalBody);
    }
}
