package dev.soracommock.pipeline;

import dev.soracommock.config.SharedState;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where {@link RateLimiter} keeps its counts: requests per key (subject and API) in the fixed window that starts at
 * {@code windowStart} (epoch seconds). Chosen once at start-up ({@link SharedState}): in this instance's memory (the
 * default on the emulator's own H2 — a map update per request, nothing else on the request path) or in the database
 * when instances share it ({@link DatabaseRateLimitCounters}: one atomic statement per counted request, so that N
 * calls split across instances count as N). A database write per request would cost the default set-up throughput,
 * hence two implementations rather than one.
 */
interface RateLimitCounters {

    /** Counts one request of {@code key} in the window that starts at {@code windowStart}; answers the count so far. */
    int increment(String key, long windowStart);

    /** Forgets every count ({@code POST /_mock/reset}, a state import). */
    void clear();

    /** The counts in this instance's memory, only the current window of each key. */
    final class InMemory implements RateLimitCounters {

        private final Map<String, Window> windows = new ConcurrentHashMap<>();

        private static final class Window {
            final long start;
            int count;

            Window(long start) {
                this.start = start;
            }
        }

        @Override
        public int increment(String key, long windowStart) {
            int[] count = new int[1];
            windows.compute(key, (k, old) -> {
                Window current = old == null || old.start != windowStart ? new Window(windowStart) : old;
                count[0] = ++current.count;
                return current;
            });
            return count[0];
        }

        @Override
        public void clear() {
            windows.clear();
        }
    }

    @Configuration(proxyBeanMethods = false)
    class Storage {

        @Bean
        RateLimitCounters rateLimitCounters(Environment environment, ObjectProvider<JdbcTemplate> jdbc) {
            return SharedState.enabled(environment) ? new DatabaseRateLimitCounters(jdbc.getObject()) : new InMemory();
        }
    }
}
