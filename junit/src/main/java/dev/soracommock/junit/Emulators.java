package dev.soracommock.junit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulators of this test JVM, one per distinct settings, started on first use and stopped when the JVM exits
 * (a shutdown hook: also when tests fail or the run is interrupted; the emulator also stops by itself when this JVM
 * is gone, as it watches its parent process).
 */
final class Emulators {

    private static final Map<Settings, Emulator> RUNNING = new ConcurrentHashMap<>();

    private Emulators() {
    }

    static boolean isRunning(Settings settings) {
        return RUNNING.containsKey(settings.emulator());
    }

    static Emulator get(Settings settings) {
        return RUNNING.computeIfAbsent(settings.emulator(), s -> {
            Emulator e = s.url().isEmpty() ? EmulatorProcess.start(s) : new Emulator(s.url());
            Runtime.getRuntime().addShutdownHook(new Thread(e::stop, "soracom-mock-stop"));
            return e;
        });
    }
}
