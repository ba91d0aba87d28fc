package dev.soracommock.subscriber;

/** Published when an operator's SIM changes speed class (see {@link SimStatusChanged}). */
public record SimSpeedClassChanged(String operatorId, String simId, String imsi, String oldSpeedClass,
                                   String newSpeedClass, long timeMillis) {
}
