package dev.soracommock.admin;

/**
 * Published after {@code POST /_mock/reset} emptied the state: in-memory parts of the emulator (faults, the request
 * journal, caches) listen for it and start afresh too.
 */
public record EmulatorReset() {
}
