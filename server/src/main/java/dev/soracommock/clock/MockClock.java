package dev.soracommock.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * The emulator's clock: the system clock shifted by an offset, or frozen at an instant. Everything time-based
 * (token expiry, rate-limit windows, stats buckets, bills, eSIM validity) reads this clock, so tests can move time.
 */
@Component
public class MockClock extends Clock {

    private final Clock system;
    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozenAt;

    public MockClock() {
        this(Clock.systemUTC());
    }

    MockClock(Clock system) {
        this.system = system;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : system.instant().plus(offset);
    }

    /** Current time in epoch milliseconds (the unit of most Soracom timestamps). */
    public long nowMillis() {
        return instant().toEpochMilli();
    }

    /** Current time in epoch seconds (auth keys, stats). */
    public long nowSeconds() {
        return instant().getEpochSecond();
    }

    public synchronized void set(Instant instant) {
        if (frozenAt != null) {
            frozenAt = instant;
        } else {
            offset = Duration.between(system.instant(), instant);
        }
    }

    public synchronized void advance(Duration by) {
        if (frozenAt != null) {
            frozenAt = frozenAt.plus(by);
        } else {
            offset = offset.plus(by);
        }
    }

    public synchronized void freeze() {
        if (frozenAt == null) {
            frozenAt = instant();
        }
    }

    public synchronized void unfreeze() {
        if (frozenAt != null) {
            offset = Duration.between(system.instant(), frozenAt);
            frozenAt = null;
        }
    }

    public boolean frozen() {
        return frozenAt != null;
    }

    public synchronized void reset() {
        offset = Duration.ZERO;
        frozenAt = null;
    }
}
