package dev.soracommock.junit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The settings of one emulator: the annotation's, else the system properties', else the defaults. Two test classes
 * with the same settings share one emulator ({@link #emulator()} is the key).
 */
record Settings(String url, boolean strict, long seed, int port, List<String> jvmOptions, List<String> properties,
        SoracomMock.Reset reset) {

    static final String URL = "soracom-mock.url";
    static final String STRICT = "soracom-mock.strict";
    static final String SEED = "soracom-mock.seed";
    static final String PORT = "soracom-mock.port";
    static final String JVM_OPTIONS = "soracom-mock.jvm-options";

    static Settings of(SoracomMock a) {
        String url = a != null && !a.url().isEmpty() ? a.url()
                : firstNonBlank(System.getProperty(URL), System.getenv("SORACOM_MOCK_URL"));
        boolean strict = a != null && a.strict() || Boolean.getBoolean(STRICT);
        long seed = a != null && a.seed() != -1 ? a.seed() : Long.getLong(SEED, -1L);
        int port = a != null && a.port() != 0 ? a.port() : Integer.getInteger(PORT, 0);
        List<String> jvm = new ArrayList<>();
        String fromProperty = System.getProperty(JVM_OPTIONS, "").trim();
        if (!fromProperty.isEmpty()) {
            jvm.addAll(Arrays.asList(fromProperty.split("\\s+")));
        }
        if (a != null) {
            jvm.addAll(Arrays.asList(a.jvmOptions()));
        }
        List<String> properties = a == null ? List.of() : List.of(a.properties());
        for (String p : properties) {
            if (!p.contains("=") || p.startsWith("=")) {
                throw new IllegalArgumentException("@SoracomMock(properties): '" + p + "' is not name=value");
            }
        }
        return new Settings(url == null ? "" : url.replaceAll("/+$", ""), strict, seed, port, List.copyOf(jvm),
                properties, a == null ? SoracomMock.Reset.EACH_TEST : a.reset());
    }

    /** What makes two emulators different (the reset policy is the test class's business). */
    Settings emulator() {
        return new Settings(url, strict, seed, port, jvmOptions, properties, SoracomMock.Reset.EACH_TEST);
    }

    /** The emulator's command-line arguments for these settings (they win over its environment). */
    List<String> arguments() {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        args.add("--server.address=127.0.0.1");
        args.add("--soracom-mock.strict=" + strict);
        if (seed != -1) {
            args.add("--soracom-mock.seed=" + seed);
        }
        for (String p : properties) {
            args.add("--" + p);
        }
        return args;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }
}
