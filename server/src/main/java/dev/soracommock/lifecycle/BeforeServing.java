package dev.soracommock.lifecycle;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * State that must be in place before the server accepts its first connection (the seed directory, the default
 * operator): a client polling the port must never find the server answering without it. Runs as a lifecycle phase
 * just before the web server's start (an {@code ApplicationRunner} runs after it), steps in ascending
 * {@link #step()}; a step that throws stops the start-up.
 */
public abstract class BeforeServing implements SmartLifecycle {

    private volatile boolean done;

    /** Puts the state in place. */
    protected abstract void prepare();

    /** The order among these steps: lower first (the seed directory before the default operator). */
    protected abstract int step();

    @Override
    public final void start() {
        prepare();
        done = true;
    }

    @Override
    public final void stop() {
        done = false;
    }

    @Override
    public final boolean isRunning() {
        return done;
    }

    @Override
    public final int getPhase() {
        return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 100 + step();
    }
}
