package dev.soracommock.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.SoracomMockApplication;
import dev.soracommock.operator.OperatorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A client that polls the port while the server starts (a CI job, a test container's wait strategy) may get its
 * first answer the moment the server listens: the start-up state (the seed directory, the default operator) must be
 * in place by then, not put there by something that runs after the server has started.
 */
@Tag("own-emulator") // starts emulators of its own: run in a JVM of its own (pom.xml, surefire)
class FirstAnswerTest {

    /** Whether the default operator exists at the moment the web server has started listening. */
    static final class AtListen implements ApplicationListener<WebServerInitializedEvent> {
        final AtomicReference<Boolean> defaultOperatorExists = new AtomicReference<>();

        @Override
        public void onApplicationEvent(WebServerInitializedEvent event) {
            defaultOperatorExists.set(event.getApplicationContext().getBean(OperatorService.class)
                    .emailExists("operator@soracom-mock.test"));
        }
    }

    @Test
    void theDefaultOperatorExistsWhenTheServerStartsListening() {
        AtListen atListen = new AtListen();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SoracomMockApplication.class)
                .listeners(atListen)
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:first-answer-" + System.nanoTime()
                        + ";DB_CLOSE_DELAY=-1")) {
            assertThat(atListen.defaultOperatorExists.get()).as("the web server started").isNotNull();
            assertThat(atListen.defaultOperatorExists.get()).as("the default operator exists when the server listens").isTrue();
        }
    }
}
