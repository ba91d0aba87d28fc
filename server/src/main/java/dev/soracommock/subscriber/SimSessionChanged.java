package dev.soracommock.subscriber;

/**
 * Published when a session of an operator's SIM is created or deleted (the device simulator, deleteSession, a
 * termination); {@code status} is the session event's: {@code Created} or {@code Deleted}. {@code imei} is the
 * session's IMEI (null when the device sent none); on a creation, {@code previousImei} is the IMEI of the SIM's
 * previous session (null when none or unknown) and {@code imeiLock} the IMEI the SIM is locked to (null when not
 * locked).
 */
public record SimSessionChanged(String operatorId, String simId, String imsi, String status, long timeMillis,
        String imei, String previousImei, String imeiLock) {
}
