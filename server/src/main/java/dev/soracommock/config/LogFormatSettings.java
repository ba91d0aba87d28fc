package dev.soracommock.config;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * {@code SORACOM_MOCK_LOG_FORMAT} ({@code soracom-mock.log-format}), one setting for the console log's form, mapped
 * onto Spring Boot's structured logging before logging starts (registered in {@code META-INF/spring.factories}):
 * {@code text} (default) is Spring's usual line; {@code json} is one JSON object per line in Elastic Common Schema
 * ({@code logging.structured.format.console=ecs}); {@code ecs}, {@code logstash} and {@code gelf} name Spring's
 * formats directly. {@code LOGGING_STRUCTURED_FORMAT_CONSOLE}, when set, wins.
 */
public class LogFormatSettings implements EnvironmentPostProcessor, Ordered {

    public static final String LOG_FORMAT = "soracom-mock.log-format";
    static final String STRUCTURED = "logging.structured.format.console";

    private static final Map<String, String> FORMATS = Map.of("json", "ecs", "ecs", "ecs", "logstash", "logstash",
            "gelf", "gelf");

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 10; // after the settings are read, before logging starts
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String value = environment.getProperty(LOG_FORMAT);
        if (!StringUtils.hasText(value) || environment.containsProperty(STRUCTURED)) {
            return;
        }
        String format = value.strip().toLowerCase(Locale.ROOT);
        if (format.equals("text")) {
            return;
        }
        String structured = FORMATS.get(format);
        if (structured == null) {
            throw new InvalidConfigurationPropertyValueException(LOG_FORMAT, value,
                    "SORACOM_MOCK_LOG_FORMAT must be text (default), json, ecs, logstash or gelf");
        }
        environment.getPropertySources().addLast(new MapPropertySource("soracom-mock-log-format", Map.of(STRUCTURED, structured)));
    }
}
