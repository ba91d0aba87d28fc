package dev.soracommock.kernel;

/**
 * Published by {@code POST /_mock/operators/{id}/reset} once the operator's rows are removed (within its transaction):
 * in-memory parts of the emulator that hold what the operator owned (e.g. the sessions of its SAM users) forget it.
 */
public record OperatorStateReset(String operatorId) {
}
