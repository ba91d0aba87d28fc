package dev.soracommock.clock;

import java.time.Duration;
import java.time.Instant;

/** The emulator's clock as stored: the system clock shifted by {@code offset}, or {@code frozenAt} when set. */
record ClockSetting(Duration offset, Instant frozenAt) {

    static final ClockSetting SYSTEM = new ClockSetting(Duration.ZERO, null);
}
