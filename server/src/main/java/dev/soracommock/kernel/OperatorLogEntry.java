package dev.soracommock.kernel;

import java.util.Map;

/**
 * One line of an operator's error log ({@code GET /v1/logs}): published as an application event by the domain where
 * something went wrong on the operator's behalf (an event handler's web request, a Beam/Funnel/Funk delivery, a
 * soralet run), stored by the log domain. Publishers depend on this record only, never on the log domain.
 *
 * @param operatorId   whose log it is
 * @param resourceType as the contract's {@code LogEntry.resourceType}: {@code Subscriber}, {@code Device}, …
 * @param resourceId   the IMSI for {@code Subscriber}, the device id otherwise
 * @param service      as the contract's {@code LogEntry.service}: {@code Air}, {@code Beam}, {@code Funk}, …
 * @param logLevel     {@code error}, {@code warning}, {@code info} or {@code debug}
 * @param body         what happened, as a JSON object
 * @param timeMillis   when, on the emulator clock
 */
public record OperatorLogEntry(String operatorId, String resourceType, String resourceId, String service,
                               String logLevel, Map<String, Object> body, long timeMillis) {
}
