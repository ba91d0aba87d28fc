package dev.soracommock.eventhandler;

import dev.soracommock.clock.ClockMoved;
import dev.soracommock.stats.TrafficRecorded;
import dev.soracommock.subscriber.SimSessionChanged;
import dev.soracommock.subscriber.SimSpeedClassChanged;
import dev.soracommock.subscriber.SimStatusChanged;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hears the events other domains publish (once their transaction has committed, or at once outside one), has
 * {@link FiringService} evaluate the handlers, then makes the web requests the firings asked for, outside any
 * transaction, and records their outcome. An action's own change (a speed class set by a handler) is an event too;
 * such chains stop after {@value #MAX_DEPTH} steps, so that two handlers cannot trigger each other for ever.
 *
 * <p>A listener runs after the change's commit but while its connection is still the thread's, and the evaluation
 * takes a transaction (a connection) of its own: so an operator without an active handler is told apart first, by a
 * read on the connection already held. Without that, fifty concurrent changes on a pool of ten connections would each
 * hold one connection and wait for a second.
 */
@Component
class EventHandlerTriggers {

    static final int MAX_DEPTH = 3;
    private static final Logger LOG = LoggerFactory.getLogger(EventHandlerTriggers.class);
    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    private final FiringService firings;
    private final WebRequests web;
    private final JdbcTemplate jdbc;

    EventHandlerTriggers(FiringService firings, WebRequests web, JdbcTemplate jdbc) {
        this.firings = firings;
        this.web = web;
        this.jdbc = jdbc;
    }

    /** Whether the operator has an active handler (a read on the thread's connection, no transaction of its own). */
    private boolean anyActive(String operatorId) {
        return !jdbc.queryForList("select handler_id from event_handler where operator_id = ? and status = 'active'"
                + " fetch first 1 rows only", String.class, operatorId).isEmpty();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TrafficRecorded e) {
        if (anyActive(e.operatorId())) {
            run(() -> firings.onTraffic(e));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SimStatusChanged e) {
        if (anyActive(e.operatorId())) {
            run(() -> firings.onStatus(e));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SimSpeedClassChanged e) {
        if (anyActive(e.operatorId())) {
            run(() -> firings.onSpeedClass(e));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SimSessionChanged e) {
        if (anyActive(e.operatorId())) {
            run(() -> firings.onSession(e));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ClockMoved e) {
        run(() -> firings.onClockMoved(e));
    }

    private void run(Supplier<List<WebRequests.Call>> evaluation) {
        int depth = DEPTH.get();
        if (depth >= MAX_DEPTH) {
            return;
        }
        DEPTH.set(depth + 1);
        try {
            for (WebRequests.Call call : evaluation.get()) {
                firings.webRequestDone(call, web.send(call));
            }
        } catch (RuntimeException e) {
            // the change that caused the event stands: a handler's failure is the handler's, not the caller's
            LOG.warn("event handlers: evaluation failed", e);
        } finally {
            DEPTH.set(depth);
        }
    }
}
