package dev.soracommock.kernel;

/**
 * Published after {@code POST /_mock/reset} emptied the state, and after {@code POST /_mock/state} or the seed files
 * replaced or filled it: in-memory parts of the emulator (faults, the request journal, caches such as the token
 * signing key) listen for it and start afresh too.
 */
public record EmulatorReset() {
}
