package dev.soracommock.config;

import java.util.Locale;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;

/**
 * Whether the emulator-wide state that is not in the domain tables — the clock and the rate-limit counts — is kept in
 * the database, where every instance on that database sees it ("shared"), or in this instance's memory. Setting
 * {@code soracom-mock.shared-state} ({@code SORACOM_MOCK_SHARED_STATE}): {@code auto} (default) shares when the
 * database is external ({@code spring.datasource.url} set, e.g. PostgreSQL behind several instances) and keeps it in
 * memory for the emulator's own H2 (in memory or in a data directory: one process only); {@code true} or
 * {@code false} force it. Decided once, at start-up: the clock and the rate limiter are on every request's path, and
 * the in-memory variant is the one that costs nothing (docs/adr/0005-where-the-state-lives.md).
 */
public final class SharedState {

    public static final String PROPERTY = "soracom-mock.shared-state";

    private SharedState() {
    }

    /** Whether the clock and the rate-limit counts live in the database, for this environment. */
    public static boolean enabled(Environment environment) {
        String value = environment.getProperty(PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            case "auto", "" -> !environment.getProperty(StorageSettings.OWN_DATABASE, Boolean.class, false);
            default -> throw new InvalidConfigurationPropertyValueException(PROPERTY, value,
                    "use true, false or auto (shared when spring.datasource.url names the database)");
        };
    }
}
