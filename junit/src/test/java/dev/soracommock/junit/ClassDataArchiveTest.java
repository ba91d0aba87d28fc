package dev.soracommock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator's class-data archive: written by the first emulator when it stops, mapped by the next one, none when
 * turned off, and a damaged one does not keep the emulator from starting.
 */
class ClassDataArchiveTest {

    @TempDir
    Path cache;

    private String before;

    @BeforeEach
    void useTheTemporaryCache() {
        before = System.getProperty(ClassDataArchive.DIR);
        System.setProperty(ClassDataArchive.DIR, cache.toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(ClassDataArchive.DIR);
        } else {
            System.setProperty(ClassDataArchive.DIR, before);
        }
    }

    @Test
    void theFirstEmulatorWritesTheArchiveAtItsStopAndTheSecondMapsIt() throws Exception {
        EmulatorProcess first = EmulatorProcess.start(Settings.of(null));
        Path archive;
        try {
            String creating = option(first.command(), "-XX:ArchiveClassesAtExit=");
            assertNotNull(creating, "the first start creates the archive: " + first.command());
            assertTrue(Path.of(creating).startsWith(cache), creating);
            assertNull(option(first.command(), "-XX:SharedArchiveFile="), first.command().toString());
            // it runs the executable jar extracted into the cache, whose classes the archive can hold whole
            Path extracted = Path.of(first.command().get(first.command().indexOf("-jar") + 1));
            assertTrue(extracted.startsWith(cache) && Files.isDirectory(extracted.resolveSibling("lib")), extracted.toString());
            archive = cache.resolve(ClassDataArchive.name(extracted));
            assertFalse(Files.exists(archive), "written at exit, not before");
        } finally {
            first.stop();
        }
        assertTrue(ClassDataArchive.isArchive(archive), "archive after the stop: " + files());
        assertEquals(List.of(), files().stream().filter(f -> f.toString().contains(".creating-")).toList(),
                "nothing left under a temporary name");

        // the second start maps it: its classes come from the archive's top layer (the dynamic archive)
        Path classes = cache.resolve("class-load.log");
        EmulatorProcess second = EmulatorProcess.start(new Settings("", false, -1, 0,
                List.of("-Xlog:class+load=info:file=" + classes), List.of(), SoracomMock.Reset.EACH_TEST));
        try {
            assertEquals(archive.toString(), option(second.command(), "-XX:SharedArchiveFile="), second.command().toString());
            assertNull(option(second.command(), "-XX:ArchiveClassesAtExit="), second.command().toString());
            assertNotNull(second.resetAndSignUp().operatorId());
        } finally {
            second.stop();
        }
        try (Stream<String> lines = Files.lines(classes)) {
            long fromArchive = lines.filter(l -> l.contains("source: shared objects file (top)")).count();
            assertTrue(fromArchive > 1000, fromArchive + " classes mapped from the dynamic archive");
        }
    }

    @Test
    void aDamagedArchiveDoesNotKeepTheEmulatorFromStarting() throws Exception {
        Path archive = cache.resolve(ClassDataArchive.name(ClassDataArchive.extracted(cache, EmulatorProcess.jar())));
        byte[] garbage = new byte[64 * 1024];
        new java.util.Random(18).nextBytes(garbage);
        // a dynamic archive's magic number, then garbage: the JVM gets it, cannot map it, and starts without it
        garbage[0] = (byte) 0xa8;
        garbage[1] = (byte) 0xab;
        garbage[2] = (byte) 0x0b;
        garbage[3] = (byte) 0xf0;
        Files.write(archive, garbage);
        EmulatorProcess emulator = EmulatorProcess.start(Settings.of(null));
        try {
            assertEquals(archive.toString(), option(emulator.command(), "-XX:SharedArchiveFile="));
            assertNotNull(emulator.resetAndSignUp().operatorId());
        } finally {
            emulator.stop();
        }
    }

    @Test
    void aFileThatIsNotAnArchiveIsReplacedLikeAMissingOne() throws Exception {
        Path jar = EmulatorProcess.jar();
        Path archive = cache.resolve(ClassDataArchive.name(jar));
        Files.writeString(archive, "not an archive");
        ClassDataArchive plan = ClassDataArchive.in(cache, jar, 17, false);
        assertTrue(plan.creates());
        assertTrue(plan.jvmOptions().get(0).startsWith("-XX:ArchiveClassesAtExit=" + archive + ".creating-"),
                plan.jvmOptions().toString());
        // an emulator that was killed wrote nothing worth keeping: nothing is moved into place
        Files.writeString(Path.of(plan.jvmOptions().get(0).substring("-XX:ArchiveClassesAtExit=".length())), "partial");
        plan.completed(false);
        assertEquals(List.of(archive), files());
        assertEquals("not an archive", Files.readString(archive));
    }

    @Test
    void twoTestJvmsCreatingTheArchiveAtOnceEachWriteTheirOwnFileAndOneWholeArchiveIsKept() throws Exception {
        Path jar = EmulatorProcess.jar();
        ClassDataArchive one = ClassDataArchive.in(cache, jar, 17, false);
        ClassDataArchive other = ClassDataArchive.in(cache, jar, 17, false);
        assertTrue(one.creates() && other.creates());
        assertEquals(one.archive(), other.archive());
        Path oneWrites = written(one);
        Path otherWrites = written(other);
        assertFalse(oneWrites.equals(otherWrites), oneWrites + " is written by both");
        byte[] magic = {(byte) 0xa8, (byte) 0xab, 0x0b, (byte) 0xf0};
        Files.write(oneWrites, concat(magic, "one".getBytes()));
        Files.write(otherWrites, concat(magic, "other".getBytes()));
        one.completed(true);
        assertTrue(ClassDataArchive.isArchive(one.archive()));
        // the first is in place, whole, while the second JVM is still writing its own
        assertEquals("one", new String(Files.readAllBytes(one.archive())).substring(4));
        other.completed(true);
        assertEquals("other", new String(Files.readAllBytes(one.archive())).substring(4));
        assertEquals(List.of(one.archive()), files());
    }

    private static Path written(ClassDataArchive plan) {
        String option = plan.jvmOptions().get(0);
        assertTrue(option.startsWith("-XX:ArchiveClassesAtExit="), option);
        return Path.of(option.substring("-XX:ArchiveClassesAtExit=".length()));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void anArchiveIsUsedOnJdk17AndKeptUpToDateByTheJvmFrom19() throws Exception {
        Path jar = EmulatorProcess.jar();
        Path archive = cache.resolve(ClassDataArchive.name(jar));
        Files.write(archive, new byte[] {(byte) 0xa8, (byte) 0xab, 0x0b, (byte) 0xf0, 0, 0, 0, 0});
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive), ClassDataArchive.in(cache, jar, 17, false).jvmOptions());
        assertEquals(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive),
                ClassDataArchive.in(cache, jar, 21, false).jvmOptions());
        String name = archive.getFileName().toString();
        assertTrue(name.matches("soracom-mock-" + EmulatorProcess.version().replace(".", "\\.")
                + "-[0-9a-f]{12}-java[0-9][A-Za-z0-9._-]*\\.jsa"), name);
    }

    @Test
    void offPassesNoArchiveFlag() {
        for (String off : new String[] {"off", "none", "OFF"}) {
            System.setProperty(ClassDataArchive.DIR, off);
            assertNull(ClassDataArchive.directory(off));
            Path jar = EmulatorProcess.jar();
            List<String> command = EmulatorProcess.command(Settings.of(null), jar, ClassDataArchive.of(jar, List.of()));
            assertTrue(command.stream().noneMatch(o -> o.contains("SharedArchive") || o.contains("ArchiveClassesAtExit")),
                    command.toString());
        }
        // nor when the user's JVM options choose their own
        System.setProperty(ClassDataArchive.DIR, cache.toString());
        assertNull(ClassDataArchive.of(EmulatorProcess.jar(), List.of("-Xshare:off")));
        assertNotNull(ClassDataArchive.directory(cache.toString()));
    }

    private static String option(List<String> command, String prefix) {
        return command.stream().filter(o -> o.startsWith(prefix)).map(o -> o.substring(prefix.length())).findFirst()
                .orElse(null);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> !p.getFileName().toString().endsWith(".log") && !Files.isDirectory(p)).sorted().toList();
        }
    }
}
