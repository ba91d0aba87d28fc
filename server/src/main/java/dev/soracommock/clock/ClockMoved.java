package dev.soracommock.clock;

import java.time.Instant;

/**
 * Published after {@code /_mock/clock} set or advanced the emulator's clock: what is due between the two instants
 * (expiries, scheduled actions) can be carried out. Listeners in other domains depend on this record only.
 */
public record ClockMoved(Instant from, Instant to) {
}
