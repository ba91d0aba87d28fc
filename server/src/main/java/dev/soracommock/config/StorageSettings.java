package dev.soracommock.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Where the state lives, decided once before the context starts (registered in {@code META-INF/spring.factories}):
 * <ul>
 *   <li>{@code spring.datasource.url} set anywhere (e.g. {@code SPRING_DATASOURCE_URL=jdbc:postgresql://…}): that
 *       database, and nothing else is decided here;</li>
 *   <li>else {@code soracom-mock.data-dir} ({@code SORACOM_MOCK_DATA_DIR}) set: an H2 database in files in that
 *       directory (created when missing), kept across restarts;</li>
 *   <li>else an H2 database in memory, gone when the server stops.</li>
 * </ul>
 * The URL is added as the lowest-precedence property source, so Spring Boot's DataSource and Flyway set-up stay as
 * they are. A data directory that cannot be used stops the start
 * with Spring's "invalid value" failure analysis.
 */
public class StorageSettings implements EnvironmentPostProcessor, Ordered {

    public static final String DATA_DIR = "soracom-mock.data-dir";
    static final String URL = "spring.datasource.url";
    static final String IN_MEMORY_URL = "jdbc:h2:mem:soracom-mock;DB_CLOSE_DELAY=-1";
    /** File name (without H2's {@code .mv.db}) of the database in the data directory. */
    static final String FILE_NAME = "soracom-mock";
    /** Set (to true) by this class when the database is the emulator's own H2; read by {@link SharedState}. */
    static final String OWN_DATABASE = "soracom-mock.storage.own-database";

    private final Log log;

    public StorageSettings(DeferredLogFactory logs) {
        this.log = logs.getLog(StorageSettings.class);
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 10; // after application.yaml and the environment are read
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dataDir = environment.getProperty(DATA_DIR);
        if (environment.containsProperty(URL)) {
            if (StringUtils.hasText(dataDir)) {
                log.warn(DATA_DIR + " (" + dataDir + ") is ignored: spring.datasource.url is set and wins");
            }
            return;
        }
        String url;
        if (StringUtils.hasText(dataDir)) {
            Path dir = usableDirectory(dataDir.strip());
            url = "jdbc:h2:file:" + dir.resolve(FILE_NAME) + ";DB_CLOSE_ON_EXIT=FALSE";
            log.info("State is kept in files in " + dir + " (" + url + ")");
        } else {
            url = IN_MEMORY_URL;
        }
        environment.getPropertySources().addLast(new MapPropertySource("soracom-mock-storage", Map.of(URL, url,
                OWN_DATABASE, "true")));
    }

    /** The directory as an absolute path, created when missing; a clear start-up failure when it cannot be used. */
    static Path usableDirectory(String value) {
        if (value.contains(";")) {
            throw invalid(value, "the path must not contain ';' (it becomes part of an H2 JDBC URL)");
        }
        Path dir = Path.of(value).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw invalid(value, "the directory " + dir + " cannot be created (" + e + ")");
        }
        if (!Files.isDirectory(dir)) {
            throw invalid(value, dir + " is not a directory");
        }
        if (!Files.isWritable(dir)) {
            throw invalid(value, "the directory " + dir + " is not writable by this process");
        }
        return dir;
    }

    private static InvalidConfigurationPropertyValueException invalid(String value, String reason) {
        return new InvalidConfigurationPropertyValueException(DATA_DIR, value,
                reason + ". Set SORACOM_MOCK_DATA_DIR to a writable directory, or leave it unset to keep the state in memory");
    }
}
