package dev.soracommock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the annotation and the system properties make of the emulator, and what a start that fails says. */
class SettingsTest {

    @SoracomMock(strict = true, seed = 42, properties = "soracom-mock.json-nulls=emit", reset = SoracomMock.Reset.EACH_CLASS)
    static class Strict {
    }

    @SoracomMock(properties = "no-equals-sign")
    static class Malformed {
    }

    @Test
    void theAnnotationBecomesTheEmulatorsArguments() {
        Settings s = Settings.of(Strict.class.getAnnotation(SoracomMock.class));
        assertEquals(List.of("--server.port=0", "--server.address=127.0.0.1", "--soracom-mock.strict=true",
                "--soracom-mock.seed=42", "--soracom-mock.json-nulls=emit"), s.arguments());
        assertEquals(SoracomMock.Reset.EACH_CLASS, s.reset());
        // the reset policy is the class's: two classes that differ only there share one emulator
        assertEquals(Settings.of(null).emulator(), new Settings("", false, -1, 0, List.of(), List.of(),
                SoracomMock.Reset.EACH_CLASS).emulator());
        assertNotEquals(Settings.of(null).emulator(), s.emulator());
    }

    @Test
    void aPropertyThatIsNotNameEqualsValueIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.of(Malformed.class.getAnnotation(SoracomMock.class)));
        assertTrue(e.getMessage().contains("no-equals-sign"), e.getMessage());
    }

    @Test
    void theShippedJvmSettingsComeWithTheExtension() {
        assertTrue(EmulatorProcess.shippedJvmOptions().contains("-XX:+UseSerialGC"), EmulatorProcess.shippedJvmOptions()
                .toString());
        assertTrue(EmulatorProcess.version().matches("\\d+\\.\\d+\\.\\d+.*"), EmulatorProcess.version());
    }

    @Test
    void anEmulatorThatCannotStartIsReportedWithItsLog() throws Exception {
        Path notAJar = Files.createTempFile("not-soracom-mock", ".jar");
        String before = System.getProperty("soracom-mock.jar");
        System.setProperty("soracom-mock.jar", notAJar.toString());
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> EmulatorProcess.start(Settings.of(null)));
            assertTrue(e.getMessage().contains("exited with") && e.getMessage().contains("--- last lines of"),
                    e.getMessage());
        } finally {
            restore(before);
            Files.delete(notAJar);
        }
    }

    @Test
    void aJarThatIsNotThereIsNamed() {
        String before = System.getProperty("soracom-mock.jar");
        System.setProperty("soracom-mock.jar", "/nowhere/soracom-mock.jar");
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, EmulatorProcess::jar);
            assertTrue(e.getMessage().contains("/nowhere/soracom-mock.jar"), e.getMessage());
        } finally {
            restore(before);
        }
    }

    private static void restore(String jar) {
        if (jar == null) {
            System.clearProperty("soracom-mock.jar");
        } else {
            System.setProperty("soracom-mock.jar", jar);
        }
    }
}
