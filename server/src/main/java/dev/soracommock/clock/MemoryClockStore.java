package dev.soracommock.clock;

import java.util.function.UnaryOperator;

/** The clock's setting in this instance's memory (one instance, or instances that each keep their own clock). */
final class MemoryClockStore implements ClockStore {

    private volatile ClockSetting setting = ClockSetting.SYSTEM;

    @Override
    public ClockSetting read() {
        return setting;
    }

    @Override
    public synchronized ClockSetting update(UnaryOperator<ClockSetting> change) {
        setting = change.apply(setting);
        return setting;
    }
}
