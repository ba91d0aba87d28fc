package dev.soracommock.junit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The emulator's class-data archive (dynamic AppCDS), kept in a cache directory across test runs: the first emulator
 * started from a jar by a JVM writes it when it exits, the next ones map it and start faster (their CPU time to ready
 * halves).
 * <ul>
 * <li>What runs: the executable jar extracted into the cache directory ({@link #extracted}), whose classes the archive
 * holds whole.</li>
 * <li>Where: {@code soracom-mock.archive-dir} (or {@code SORACOM_MOCK_ARCHIVE_DIR}), else
 * {@code $XDG_CACHE_HOME/soracom-mock}, else {@code ~/.cache/soracom-mock}, else (home not writable)
 * {@code ${java.io.tmpdir}/soracom-mock-cache}; {@code off}, {@code none} or {@code false}: no archive.</li>
 * <li>Which: one per emulator version, jar and JVM, {@code soracom-mock-<version>-<jar key>-<java version>.jsa}. The jar
 * key hashes what the JVM checks before it maps an archive (the jar's path, size and modification time, and the JVM's
 * home): reading the 80 MB jar to hash its content would cost more than the start-up it saves.</li>
 * <li>Made safely: an emulator that finds no archive writes one at exit ({@code -XX:ArchiveClassesAtExit}, any JDK)
 * under a name of its own, which {@link #completed(boolean)} moves into place atomically once the emulator ended
 * normally: two test JVMs creating the same archive at once each write their own file, and the second move just
 * replaces the first. An existing archive is used with {@code -XX:SharedArchiveFile}, on JDK 19+ with
 * {@code -XX:+AutoCreateSharedArchive}, so that the JVM rewrites an archive it finds stale. A file that is not an
 * archive at all (no dynamic archive's magic number) is replaced like a missing one; a stale or damaged archive the JVM
 * cannot map is ignored by it with a warning, and the emulator starts as it would without.</li>
 * <li>Kept small: an archive is ~140 MB, an extracted jar ~80 MB; after storing an archive, only the {@value #KEPT}
 * most recently used of each are kept.</li>
 * </ul>
 * No archive when the emulator's JVM options already choose one ({@code -Xshare}, {@code SharedArchiveFile},
 * {@code ArchiveClassesAtExit}, {@code AOTCache}…).
 */
final class ClassDataArchive {

    static final String DIR = "soracom-mock.archive-dir";
    static final String DIR_ENV = "SORACOM_MOCK_ARCHIVE_DIR";
    /** How many archives the cache directory keeps (one per jar and JDK: a few SNAPSHOT builds, two JDKs). */
    static final int KEPT = 4;
    /** A dynamic archive's magic number (HotSpot's {@code CDS_DYNAMIC_ARCHIVE_MAGIC}), first 4 bytes, in native order. */
    private static final int DYNAMIC_MAGIC = 0xf00baba8;
    private static final String PREFIX = "soracom-mock-";
    private static final String TEMP = ".creating-";

    private final Path jar;
    private final Path archive;
    private final Path creating;
    private final List<String> jvmOptions;

    private ClassDataArchive(Path jar, Path archive, Path creating, List<String> jvmOptions) {
        this.jar = jar;
        this.archive = archive;
        this.creating = creating;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** The archive for an emulator run from {@code jar} with {@code otherOptions}; {@code null}: none. */
    static ClassDataArchive of(Path jar, List<String> otherOptions) {
        for (String o : otherOptions) {
            if (o.startsWith("-Xshare") || o.contains("SharedArchiveFile") || o.contains("ArchiveClassesAtExit")
                    || o.contains("AOTCache") || o.contains("AOTMode") || o.contains("AOTConfiguration")) {
                return null;
            }
        }
        Path dir = directory(System.getProperty(DIR, System.getenv(DIR_ENV)));
        return dir == null ? null : in(dir, jar, Runtime.version().feature(), true);
    }

    /**
     * The archive in {@code dir} for {@code jar}, with the options of a JVM of that feature version; with
     * {@code extract}, for the jar extracted into {@code dir} (see {@link #extracted}).
     */
    static ClassDataArchive in(Path dir, Path jar, int javaFeature, boolean extract) {
        Path run = extract ? extracted(dir, jar) : jar;
        Path archive = dir.resolve(name(run));
        if (!run.equals(jar)) {
            touch(run.getParent());
        }
        if (isArchive(archive)) {
            touch(archive);
            List<String> options = new ArrayList<>();
            if (javaFeature >= 19) {
                options.add("-XX:+AutoCreateSharedArchive");
            }
            options.add("-XX:SharedArchiveFile=" + archive);
            return new ClassDataArchive(run, archive, null, options);
        }
        removeLeftovers(dir);
        Path creating = dir.resolve(archive.getFileName() + TEMP + UUID.randomUUID() + ".tmp");
        return new ClassDataArchive(run, archive, creating, List.of("-XX:ArchiveClassesAtExit=" + creating));
    }

    /**
     * The cache directory for a setting (see the class comment): created if needed; {@code null} when archives are
     * off or no directory can be written.
     */
    static Path directory(String configured) {
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            String c = configured.trim();
            if (List.of("off", "none", "false", "no").contains(c.toLowerCase(Locale.ROOT))) {
                return null;
            }
            candidates.add(Path.of(c));
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            if (xdg != null && !xdg.isBlank() && Path.of(xdg.trim()).isAbsolute()) {
                candidates.add(Path.of(xdg.trim(), "soracom-mock"));
            }
            String home = System.getProperty("user.home");
            if (home != null && !home.isBlank() && !home.equals("?")) {
                candidates.add(Path.of(home, ".cache", "soracom-mock"));
            }
            candidates.add(Path.of(System.getProperty("java.io.tmpdir"), "soracom-mock-cache"));
        }
        for (Path dir : candidates) {
            try {
                Files.createDirectories(dir);
                if (Files.isWritable(dir)) {
                    return dir;
                }
            } catch (IOException | SecurityException e) {
                // try the next one
            }
        }
        System.err.println("[soracom-mock] no writable directory for the class-data archive among " + candidates
                + ": the emulator starts without (set " + DIR + " or " + DIR_ENV + ")");
        return null;
    }

    /** {@code soracom-mock-<version>-<jar key>-<java version>.jsa}, the key including the JVM's home. */
    static String name(Path jar) {
        return stem(jar, true) + "-java" + safe(Runtime.version().toString()) + ".jsa";
    }

    /** {@code soracom-mock-<version>-<jar key>}: the jar's path, size and modification time (and the JVM's home). */
    private static String stem(Path jar, boolean withJvm) {
        String key;
        try {
            Path real = jar.toRealPath();
            key = real + "\n" + Files.size(real) + "\n" + Files.getLastModifiedTime(real).toMillis();
        } catch (IOException e) {
            key = jar.toAbsolutePath().toString();
        }
        if (withJvm) {
            key += "\n" + System.getProperty("java.home") + "\n" + System.getProperty("java.vm.version");
        }
        try {
            return PREFIX + safe(EmulatorProcess.version()) + "-" + HexFormat.of().formatHex(MessageDigest
                    .getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The executable jar extracted into {@code dir} ({@code java -Djarmode=tools -jar <jar> extract}, once per jar, into
     * a directory of its own moved into place when complete): the application jar and its libraries as plain jars on
     * the class path, whose classes the archive holds whole, where it holds only part of what a class loader of the
     * executable jar defines (measured: the start's CPU time falls twice as far). {@code jar} itself when that fails.
     */
    static Path extracted(Path dir, Path jar) {
        Path target = dir.resolve(stem(jar, false));
        Path found = applicationJar(target);
        if (found != null) {
            return found;
        }
        Path temp = dir.resolve(target.getFileName() + TEMP + UUID.randomUUID() + ".tmp");
        Path log = dir.resolve(temp.getFileName() + ".log");
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", temp.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            } else if (p.exitValue() == 0 && applicationJar(temp) != null) {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    // another test JVM extracted it meanwhile: its copy is used
                }
            }
        } catch (IOException e) {
            // the executable jar is run as it is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteTree(temp);
            deleteTree(log);
        }
        found = applicationJar(target);
        if (found == null) {
            System.err.println("[soracom-mock] could not extract " + jar + " into " + dir + ": it runs as it is");
            return jar;
        }
        return found;
    }

    /** The application jar of an extracted executable jar: the one jar next to {@code lib/}. */
    private static Path applicationJar(Path extracted) {
        if (!Files.isDirectory(extracted.resolve("lib"))) {
            return null;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(extracted, "*.jar")) {
            for (Path j : jars) {
                return j;
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** The jar to run: the extracted application jar, or the executable jar itself. */
    Path jar() {
        return jar;
    }

    /** The JVM options that use or create the archive. */
    List<String> jvmOptions() {
        return jvmOptions;
    }

    /** The archive's place in the cache directory. */
    Path archive() {
        return archive;
    }

    /** Whether this run writes the archive (at its exit). */
    boolean creates() {
        return creating != null;
    }

    /**
     * After the emulator ended: the archive it wrote, if it ended normally, moved into place (atomically: a JVM that
     * starts meanwhile sees no archive or a whole one); else what it wrote is deleted. Never fails.
     */
    void completed(boolean normalExit) {
        if (creating == null || !Files.exists(creating)) {
            return;
        }
        try {
            if (normalExit && isArchive(creating)) {
                try {
                    Files.move(creating, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(creating, archive, StandardCopyOption.REPLACE_EXISTING);
                }
                prune(archive.getParent());
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("[soracom-mock] the class-data archive " + archive + " could not be stored: " + e);
        } finally {
            try {
                Files.deleteIfExists(creating);
            } catch (IOException e) {
                // left for the next run's clean-up
            }
        }
    }

    /** Whether {@code file} starts like a dynamic archive (either byte order). */
    static boolean isArchive(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(4);
            if (b.length < 4) {
                return false;
            }
            int little = (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
            return little == DYNAMIC_MAGIC || Integer.reverseBytes(little) == DYNAMIC_MAGIC;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Files an emulator was writing and nobody moved into place (its test JVM was killed): a dump takes seconds, so
     * an hour-old one is abandoned.
     */
    private static void removeLeftovers(Path dir) {
        Instant before = Instant.now().minus(Duration.ofHours(1));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + TEMP + "*.tmp")) {
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                    deleteTree(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a clean-up only
        }
    }

    /**
     * Keeps the {@value #KEPT} most recently used archives and extracted jars (an emulator that maps an older archive
     * keeps its mapping).
     */
    private static void prune(Path dir) {
        List<Path> archives = new ArrayList<>();
        List<Path> extracted = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.contains(TEMP)) {
                    continue;
                }
                if (name.endsWith(".jsa")) {
                    archives.add(f);
                } else if (Files.isDirectory(f)) {
                    extracted.add(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            return;
        }
        for (List<Path> kind : List.of(archives, extracted)) {
            kind.sort((a, b) -> modified(b).compareTo(modified(a)));
            for (Path old : kind.subList(Math.min(KEPT, kind.size()), kind.size())) {
                deleteTree(old);
            }
        }
    }

    /** Marks a file or directory as used (for {@link #prune}). */
    private static void touch(Path p) {
        try {
            Files.setLastModifiedTime(p, FileTime.from(Instant.now()));
        } catch (IOException | RuntimeException e) {
            // only the pruning order suffers
        }
    }

    /** Deletes a file or a directory tree; what cannot be deleted (in use, on Windows) is left for next time. */
    private static void deleteTree(Path p) {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(p)) {
            tree.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // left
                }
            });
        } catch (IOException | RuntimeException e) {
            // left
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
