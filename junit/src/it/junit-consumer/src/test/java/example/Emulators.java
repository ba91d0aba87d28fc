package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Every test class of the run met the one emulator the extension started. */
final class Emulators {

    private static final Set<String> ENDPOINTS = ConcurrentHashMap.newKeySet();

    private Emulators() {
    }

    static void seen(String endpoint) {
        ENDPOINTS.add(endpoint);
        assertEquals(1, ENDPOINTS.size(), "emulators seen in this run: " + ENDPOINTS);
    }
}
