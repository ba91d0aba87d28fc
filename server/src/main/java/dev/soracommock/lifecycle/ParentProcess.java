package dev.soracommock.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With {@code soracom-mock.parent-pid} (set by the JUnit extension, which runs the emulator as a child of the test
 * JVM), the emulator stops when that process is gone, however it ended: a test run killed outright leaves no emulator
 * behind.
 */
@Component
class ParentProcess {

    private static final Logger log = LoggerFactory.getLogger(ParentProcess.class);

    private final Long parentPid;
    private final ConfigurableApplicationContext context;

    ParentProcess(@Value("${soracom-mock.parent-pid:#{null}}") Long parentPid, ConfigurableApplicationContext context) {
        this.parentPid = parentPid;
        this.context = context;
    }

    @EventListener(ContextRefreshedEvent.class)
    void watch() {
        if (parentPid == null) {
            return;
        }
        ProcessHandle.of(parentPid).ifPresentOrElse(parent -> parent.onExit().thenRun(this::stop), this::stop);
    }

    private void stop() {
        log.info("the parent process {} is gone: stopping", parentPid);
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
