package dev.soracommock.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When this instance's stored state may have changed, for answers kept between requests (the pipeline's answer cache):
 * a generation that moves on at every change, and how many requests that may change state are running. An answer
 * read at generation {@code g} with no change running stays true while the generation is still {@code g}.
 *
 * <p>Two sources of changes, and nothing else writes a domain's tables: requests whose method may change state
 * ({@link #begin()} before the handler runs, {@link #end()} once it is done, so that a client that got the answer of
 * a write and reads next never gets an answer kept from before it), and stores that write outside such a request
 * ({@link #changed()}; the SIM and group stores call it on every write, as a background writer would need).
 */
@Component
public class StateChanges {

    private static final Object BOUND = StateChanges.class;

    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();

    /** A request that may change state starts: answers kept so far are stale, and none is kept until it ends. */
    public void begin() {
        running.incrementAndGet();
        generation.incrementAndGet();
    }

    /** The request of {@link #begin()} is done (its transactions have ended). */
    public void end() {
        generation.incrementAndGet();
        running.decrementAndGet();
    }

    /**
     * State was written: answers kept so far are stale, and, inside a transaction, so are the ones read before it
     * ends (the generation moves on again when it commits or rolls back).
     */
    public void changed() {
        generation.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(BOUND)) {
            TransactionSynchronizationManager.bindResource(BOUND, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(BOUND);
                    generation.incrementAndGet();
                }
            });
        }
    }

    /** The generation an answer read now belongs to, or -1 while a request that may change state is running. */
    public long stable() {
        long g = generation.get();
        return running.get() == 0 ? g : -1;
    }
}
