package dev.soracommock.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The emulator's clock: the system clock shifted by an offset, or frozen at an instant. Everything time-based
 * (token expiry, rate-limit windows, stats buckets, bills, eSIM validity) reads this clock, so tests can move time.
 * Its setting is kept by a {@link ClockStore}: in memory, or in the database for instances that share it.
 */
@Component
public class MockClock extends Clock {

    private final Clock system;
    private final ClockStore store;

    /** A clock of its own, in memory (tests that build one by hand). */
    public MockClock() {
        this(Clock.systemUTC(), new MemoryClockStore());
    }

    MockClock(Clock system) {
        this(system, new MemoryClockStore());
    }

    /** The emulator's clock, its setting where {@link ClockStorage} chose (memory, or the database instances share). */
    @Autowired
    MockClock(ClockStore store) {
        this(Clock.systemUTC(), store);
    }

    MockClock(Clock system, ClockStore store) {
        this.system = system;
        this.store = store;
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
        ClockSetting s = store.read();
        return s.frozenAt() != null ? s.frozenAt() : system.instant().plus(s.offset());
    }

    /** Current time in epoch milliseconds (the unit of most Soracom timestamps). */
    public long nowMillis() {
        return instant().toEpochMilli();
    }

    /** Current time in epoch seconds (auth keys, stats). */
    public long nowSeconds() {
        return instant().getEpochSecond();
    }

    public void set(Instant instant) {
        store.update(s -> s.frozenAt() != null ? new ClockSetting(s.offset(), instant)
                : new ClockSetting(Duration.between(system.instant(), instant), null));
    }

    public void advance(Duration by) {
        store.update(s -> s.frozenAt() != null ? new ClockSetting(s.offset(), s.frozenAt().plus(by))
                : new ClockSetting(s.offset().plus(by), null));
    }

    public void freeze() {
        store.update(s -> s.frozenAt() != null ? s : new ClockSetting(s.offset(), system.instant().plus(s.offset())));
    }

    public void unfreeze() {
        store.update(s -> s.frozenAt() == null ? s : new ClockSetting(Duration.between(system.instant(), s.frozenAt()), null));
    }

    public boolean frozen() {
        return store.read().frozenAt() != null;
    }

    public void reset() {
        store.update(s -> ClockSetting.SYSTEM);
    }
}
