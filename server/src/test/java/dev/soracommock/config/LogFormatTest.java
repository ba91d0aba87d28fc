package dev.soracommock.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soracommock.support.Instance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SORACOM_MOCK_LOG_FORMAT=json: the console log is one JSON object per line. (Logging is one per JVM: tests that run
 * after this one in the same JVM log in JSON too, until another application start re-initialises it.)
 */
@Tag("own-emulator") // starts emulators of its own: run in a JVM of its own (pom.xml, surefire)
@ExtendWith(OutputCaptureExtension.class)
class LogFormatTest {

    @Test
    void jsonMakesTheReadyLineAJsonObject(CapturedOutput output) {
        int port;
        try (Instance instance = Instance.start(Map.of("soracom-mock.log-format", "json"))) {
            port = instance.port();
        }
        List<String> ready = output.getOut().lines().filter(l -> l.contains("ready on port " + port)).toList();
        assertThat(ready).hasSize(1);
        JsonNode line = JsonMapper.builder().build().readTree(ready.get(0));
        assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(line.path("log").path("logger").asString()).isEqualTo("dev.soracommock.ready");
        assertThat(line.path("message").asString()).startsWith("soracom-mock ").contains("ready on port " + port);
        assertThat(line.path("@timestamp").asString()).isNotBlank();
    }

    @Test
    void anUnknownFormatStopsTheStartWithAClearMessage(CapturedOutput output) {
        assertThatThrownBy(() -> Instance.start(Map.of("soracom-mock.log-format", "xml")))
                .hasStackTraceContaining("soracom-mock.log-format");
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("SORACOM_MOCK_LOG_FORMAT must be text (default), json, ecs, logstash or gelf");
    }
}
