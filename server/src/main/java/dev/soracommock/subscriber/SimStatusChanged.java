package dev.soracommock.subscriber;

/**
 * Published (as an application event, inside the transaction that made it) when an operator's SIM changes status,
 * through the API, an expiry action or an event handler's action. Listeners in other domains depend on this record
 * only.
 */
public record SimStatusChanged(String operatorId, String simId, String imsi, String oldStatus, String newStatus,
                               long timeMillis) {
}
