package dev.soracommock.subscriber;

/**
 * Published when a session of an operator's SIM is created or deleted (the device simulator, deleteSession, a
 * termination); {@code status} is the session event's: {@code Created} or {@code Deleted}.
 */
public record SimSessionChanged(String operatorId, String simId, String imsi, String status, long timeMillis) {
}
