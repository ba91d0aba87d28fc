package dev.soracommock.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An emulator in a JVM of its own, started from the server's executable jar ({@code soracom-mock-<version>-exec.jar}):
 * <ol>
 * <li>the jar: {@code -Dsoracom-mock.jar} (or {@code SORACOM_MOCK_JAR}), else the local Maven repository
 * ({@code -Dmaven.repo.local}, else {@code ~/.m2/repository}) at this artifact's own version;</li>
 * <li>the JVM: this test JVM's own {@code java}, with the emulator's shipped JVM settings (the image's
 * {@code jvm.options}, carried in this jar) and then {@code soracom-mock.jvm-options}, and a class-data archive kept
 * in a cache directory across runs ({@link ClassDataArchive}: written by the first run, mapped by the next);</li>
 * <li>its environment without the emulator's own settings ({@code SORACOM_MOCK_*}, {@code SPRING_*},
 * {@code SERVER_PORT}): a build's variables configure nothing behind the test's back; the settings come as
 * arguments;</li>
 * <li>ready when it logs the port it listens on and answers its readiness probe (two minutes at most); its log goes to a
 * file, whose end is shown when it does not start.</li>
 * </ol>
 * It is told this JVM's process ID and stops by itself when this JVM is gone, even killed.
 */
final class EmulatorProcess extends Emulator {

    private static final Pattern READY = Pattern.compile("ready on port (\\d+)");
    private static final long START_TIMEOUT_MS = 120_000;

    /** How long a stop waits for an emulator that writes its class-data archive at exit (seconds on a busy machine). */
    private static final long ARCHIVING_STOP_TIMEOUT_S = 120;

    private final Process process;
    private final Path log;
    private final List<String> command;
    private final ClassDataArchive archive;

    private EmulatorProcess(String endpoint, Process process, Path log, List<String> command, ClassDataArchive archive) {
        super(endpoint);
        this.process = process;
        this.log = log;
        this.command = List.copyOf(command);
        this.archive = archive;
    }

    static EmulatorProcess start(Settings settings) {
        Path jar = jar();
        Path log;
        try {
            log = Files.createTempFile("soracom-mock-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ClassDataArchive archive = ClassDataArchive.of(jar, settings.jvmOptions());
        List<String> command = command(settings, jar, archive);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("SORACOM_MOCK_") || k.startsWith("SPRING_")
                || k.equals("SERVER_PORT") || k.equals("SERVER_ADDRESS"));
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start soracom-mock (" + String.join(" ", command) + "): " + e, e);
        }
        int port = awaitPort(process, log, started);
        EmulatorProcess emulator = new EmulatorProcess("http://127.0.0.1:" + port, process, log, command, archive);
        while (!emulator.ready()) {
            if (!process.isAlive() || elapsedMs(started) > START_TIMEOUT_MS) {
                emulator.stop();
                throw new IllegalStateException("soracom-mock did not become ready\n" + tail(log));
            }
            sleep(50);
        }
        System.err.printf("[soracom-mock] %s ready in %.1f s (pid %d, log %s%s)%n", emulator.endpoint(),
                elapsedMs(started) / 1000.0, process.pid(), log, archive == null ? ", no class-data archive"
                        : archive.creates() ? ", writes the class-data archive " + archive.archive() + " at exit"
                        : ", class-data archive " + archive.archive());
        return emulator;
    }

    /** The emulator's command line. */
    List<String> command() {
        return command;
    }

    /**
     * Stops it with SIGTERM: the server shuts down gracefully and the JVM exits normally, writing the class-data
     * archive if this run creates it (which takes longer: the wait allows for it). Forced after the wait.
     */
    @Override
    void stop() {
        boolean normalExit = false;
        try {
            if (process.isAlive()) {
                process.destroy();
                long timeout = archive != null && archive.creates() ? ARCHIVING_STOP_TIMEOUT_S : 10;
                if (process.waitFor(timeout, TimeUnit.SECONDS)) {
                    normalExit = true;
                } else {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            if (archive != null) {
                archive.completed(normalExit);
            }
        }
    }

    /** The emulator's command line: this JVM's {@code java}, the JVM options, the archive's, the jar, the settings. */
    static List<String> command(Settings settings, Path jar, ClassDataArchive archive) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(shippedJvmOptions());
        command.addAll(settings.jvmOptions());
        if (archive != null) {
            command.addAll(archive.jvmOptions());
        }
        command.add("-jar");
        command.add((archive == null ? jar : archive.jar()).toString());
        command.addAll(settings.arguments());
        command.add("--soracom-mock.parent-pid=" + ProcessHandle.current().pid());
        return command;
    }

    /** The port from the emulator's "ready on port N" log line. */
    private static int awaitPort(Process process, Path log, long started) {
        while (true) {
            try {
                Matcher m = READY.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            } catch (IOException | RuntimeException e) {
                // not written yet, or not valid UTF-8 so far: read again
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("soracom-mock exited with " + process.exitValue() + " before it was ready\n"
                        + tail(log));
            }
            if (elapsedMs(started) > START_TIMEOUT_MS) {
                process.destroyForcibly();
                throw new IllegalStateException("soracom-mock was not ready within " + START_TIMEOUT_MS / 1000 + " s\n"
                        + tail(log));
            }
            sleep(50);
        }
    }

    /** The server's executable jar (see the class comment). */
    static Path jar() {
        String configured = System.getProperty("soracom-mock.jar", System.getenv("SORACOM_MOCK_JAR"));
        if (configured != null && !configured.isBlank()) {
            Path jar = Path.of(configured.trim());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("soracom-mock.jar names no file: " + jar);
            }
            return jar;
        }
        String version = version();
        String repository = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path jar = Path.of(repository, "dev", "soracommock", "soracom-mock", version,
                "soracom-mock-" + version + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("soracom-mock's executable jar is not in the local Maven repository (" + jar
                    + "): fetch it with `mvn dependency:get -Dartifact=dev.soracommock:soracom-mock:" + version
                    + ":jar:exec`, name another with -Dsoracom-mock.jar=<path>, or use a running emulator with"
                    + " -Dsoracom-mock.url=<url> (or SORACOM_MOCK_URL)");
        }
        return jar;
    }

    /** This artifact's version, which is the emulator's it runs. */
    static String version() {
        return resource("META-INF/soracom-mock-junit.properties").getProperty("version");
    }

    /** The options of the image's {@code jvm.options} (one per line, {@code #} comments). */
    static List<String> shippedJvmOptions() {
        List<String> options = new ArrayList<>();
        try (InputStream in = EmulatorProcess.class.getClassLoader().getResourceAsStream("META-INF/soracom-mock/jvm.options")) {
            if (in == null) {
                return options;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String option = line.replaceAll("#.*", "").trim();
                if (!option.isEmpty()) {
                    options.add(option);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return options;
    }

    private static Properties resource(String name) {
        Properties p = new Properties();
        try (InputStream in = EmulatorProcess.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from soracom-mock-junit's jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The end of the emulator's log, for a failure's message. */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "--- last lines of " + log + "\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(its log " + log + " could not be read: " + e + ")";
        }
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while soracom-mock was starting", e);
        }
    }
}
