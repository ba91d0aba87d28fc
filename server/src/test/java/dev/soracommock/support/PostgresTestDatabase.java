package dev.soracommock.support;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code -Dsoracom-mock.test.db=postgres} (Maven profile {@code postgres}), every application a test starts uses
 * the test PostgreSQL ({@link TestPostgres}) through the standard {@code spring.datasource.*} properties, exactly as a
 * user's {@code SPRING_DATASOURCE_URL} would; tests that choose their own storage (a data directory, an explicit URL)
 * keep it. Registered in {@code src/test/resources/META-INF/spring.factories}; runs before the application's
 * {@code StorageSettings}.
 */
public class PostgresTestDatabase implements EnvironmentPostProcessor, Ordered {

    public static final String SWITCH = "soracom-mock.test.db";

    /** Whether this JVM's tests run against PostgreSQL. */
    public static boolean enabled() {
        return "postgres".equalsIgnoreCase(System.getProperty(SWITCH));
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 5;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!enabled() || environment.containsProperty("spring.datasource.url")
                || environment.containsProperty("soracom-mock.data-dir")) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("test-postgres", Map.of(
                "spring.datasource.url", TestPostgres.jdbcUrl(),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "")));
    }
}
