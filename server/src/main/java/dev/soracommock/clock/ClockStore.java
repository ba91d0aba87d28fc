package dev.soracommock.clock;

import java.util.function.UnaryOperator;

/**
 * Where {@link MockClock} keeps its setting. Chosen once at start-up ({@link ClockStorage}): in this instance's
 * memory ({@link MemoryClockStore}, the default on the emulator's own H2: a volatile read per use, as cheap as a plain
 * field), or in the database when instances share it ({@link DatabaseClockStore}).
 */
interface ClockStore {

    ClockSetting read();

    /** Changes the setting atomically (no change made elsewhere at the same time is lost); answers the new one. */
    ClockSetting update(UnaryOperator<ClockSetting> change);
}
