package dev.soracommock.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The one "ready" line scripts wait for: port, version, and how long start-up took. */
@Component
class ReadyLog {

    private static final Logger log = LoggerFactory.getLogger("dev.soracommock.ready");

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : -1;
        String version = ReadyLog.class.getPackage().getImplementationVersion();
        log.info("soracom-mock {} ready on port {} in {} ms", version == null ? "dev" : version, port,
                event.getTimeTaken().toMillis());
    }
}
