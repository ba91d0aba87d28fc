package dev.soracommock.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soracommock.support.ApiTest.Operator;
import dev.soracommock.support.Instance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** SORACOM_MOCK_DATA_DIR: the state in files, kept across a restart. */
@Tag("own-emulator") // starts emulators of its own: run in a JVM of its own (pom.xml, surefire)
@ExtendWith(OutputCaptureExtension.class)
class DataDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void stateCreatedBeforeARestartIsThereAfterIt() {
        Path dir = tmp.resolve("not/yet/there");
        String email = "restart-" + UUID.randomUUID() + "@example.com";
        String imsi;
        try (Instance first = Instance.start(Map.of("soracom-mock.data-dir", dir.toString()))) {
            Operator op = first.signUp(email, "p@ssw0rd-1");
            imsi = first.registeredSim(op);
            assertThat(first.imsis(op)).containsExactly(imsi);
        }
        assertThat(dir.resolve("soracom-mock.mv.db")).isRegularFile();

        try (Instance second = Instance.start(Map.of("soracom-mock.data-dir", dir.toString()))) {
            Operator op = second.logIn(email, "p@ssw0rd-1");
            assertThat(second.imsis(op)).containsExactly(imsi);
            second.as(op).get("/v1/subscribers/" + imsi).then().statusCode(200);
        }
    }

    @Test
    void aDataDirectoryThatCannotBeUsedStopsTheStartWithAClearMessage(CapturedOutput output) throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");

        assertThatThrownBy(() -> Instance.start(Map.of("soracom-mock.data-dir", file.resolve("data").toString())))
                .hasStackTraceContaining("soracom-mock.data-dir")
                .hasStackTraceContaining("cannot be created");
        assertThat(output).contains("APPLICATION FAILED TO START").contains("soracom-mock.data-dir")
                .contains(file.resolve("data").toString());
    }

    @Test
    void anExplicitDatasourceUrlWinsOverTheDataDirectory() {
        Path dir = tmp.resolve("unused");
        try (Instance instance = Instance.start(Map.of("soracom-mock.data-dir", dir.toString(),
                "spring.datasource.url", "jdbc:h2:mem:explicit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"))) {
            instance.signUp("explicit-" + UUID.randomUUID() + "@example.com", "p@ssw0rd-1");
        }
        assertThat(dir).doesNotExist();
    }
}
