package dev.soracommock.operator;

import dev.soracommock.kernel.EmulatorReset;
import dev.soracommock.kernel.OperatorStateReset;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What {@link AuthService#authenticate} reads for an API key (its session and its operator's coverage types), kept in
 * memory so that a call with known credentials costs no database round trip.
 * <p>
 * Only on when the database is this process's own (H2 in memory or in files, which H2 locks to one process): with a
 * shared database (PostgreSQL) another instance may revoke a key at any time, so every call reads the database
 * there. Anything that changes a session or an operator empties the cache <em>after its transaction commits</em>:
 * logout and revocations, coverage types, operator deletion, an operator's reset, the emulator's reset and a state
 * import. A read that raced with such a change is not kept (generation check), so a revoked key is refused from
 * the next call on.
 */
@Component
class SessionCache {

    /** What authentication needs of an API key. */
    record Entry(String operatorId, String userName, String sessionId, boolean revoked, List<String> coverageTypes) {
    }

    /** More keys than any test suite creates; past it the least used ones are dropped (Caffeine's size bound). */
    static final int MAX_ENTRIES = 10_000;

    private final boolean enabled;
    private final Cache<String, Entry> entries = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();
    private long generation;

    SessionCache(@Value("${spring.datasource.url:}") String url) {
        this.enabled = privateDatabase(url);
    }

    /** H2 in memory or in files without {@code AUTO_SERVER} (the only mode in which H2 lets another process in). */
    static boolean privateDatabase(String url) {
        return url.startsWith("jdbc:h2:") && !url.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE");
    }

    /** The entry of an API key: the cached one, or {@code load}'s (empty when the key is unknown), then kept. */
    Entry get(String apiKey, Supplier<Entry> load) {
        if (!enabled) {
            return load.get();
        }
        Entry e = entries.getIfPresent(apiKey);
        if (e != null) {
            return e;
        }
        long before = generation();
        e = load.get();
        if (e != null) {
            keep(apiKey, e, before);
        }
        return e;
    }

    private synchronized long generation() {
        return generation;
    }

    private synchronized void keep(String apiKey, Entry e, long readAt) {
        if (generation != readAt) {
            return; // something changed sessions or operators while it was read: it may be stale
        }
        entries.put(apiKey, e);
    }

    /** Forgets every entry once the current transaction (if any) has committed. */
    void evictAll() {
        if (!enabled) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    clear();
                }
            });
        }
        clear(); // now too: no call in between may be served from what the transaction is changing
    }

    private synchronized void clear() {
        generation++;
        entries.invalidateAll();
    }

    @EventListener
    void onReset(EmulatorReset reset) {
        evictAll();
    }

    @EventListener
    void onOperatorReset(OperatorStateReset reset) {
        evictAll();
    }
}
