package dev.soracommock.stats;

/**
 * Published (as an application event, inside the transaction that stored it) when Air traffic of an operator's SIM
 * is recorded: a sandbox stats insert, the traffic simulator, or a message of the device data plane.
 *
 * @param bytes      upload + download bytes of this recording
 * @param timeMillis when, on the emulator clock
 */
public record TrafficRecorded(String operatorId, String simId, String imsi, long bytes, long timeMillis) {
}
