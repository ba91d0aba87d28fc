package dev.soracommock.journal;

import dev.soracommock.kernel.EmulatorReset;
import dev.soracommock.config.MockProperties;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The bounded journal of the requests the emulator answered: a ring of the last {@code soracom-mock.journal.size}
 * entries (0 turns it off), thread-safe. Requests still in flight are tracked so that a read waits (briefly) for
 * the answers already sent to the client to be recorded: a client that reads the journal right after its own
 * request finds that request in it.
 */
@Component
public class RequestJournal {

    /** The longest a read waits for requests in flight that began before it. */
    private static final long MAX_WAIT_MILLIS = 1000;

    /** One answered request. */
    public record Entry(long id, long time, String method, String path, String query, String operationId, String tag,
            int status, String operatorId, long durationMs, String fault) {
    }

    private final int size;
    private final ArrayDeque<Entry> entries;
    private final java.util.TreeSet<Long> inFlight = new java.util.TreeSet<>();
    private long nextId;
    private long nextTicket;

    RequestJournal(MockProperties properties) {
        this.size = Math.max(0, properties.journal().size());
        this.entries = new ArrayDeque<>(Math.min(size, 1024));
    }

    public boolean enabled() {
        return size > 0;
    }

    /** A request begins: returns its ticket, to be passed to {@link #record}. */
    synchronized long begin() {
        long ticket = ++nextTicket;
        inFlight.add(ticket);
        return ticket;
    }

    /** A request ended (ticket 0: one that never began, refused by the server before any processing). */
    synchronized void record(long ticket, long time, String method, String path, String query, String operationId,
            String tag, int status, String operatorId, long durationMs, String fault) {
        if (ticket != 0) {
            inFlight.remove(ticket);
            notifyAll();
        }
        if (size == 0) {
            return;
        }
        if (entries.size() >= size) {
            entries.removeFirst();
        }
        entries.addLast(new Entry(++nextId, time, method, path, query, operationId, tag, status, operatorId,
                durationMs, fault));
    }

    /** A request that will not be recorded after all. */
    synchronized void abandon(long ticket) {
        inFlight.remove(ticket);
        notifyAll();
    }

    /** The entries that pass the filter, newest first, at most {@code limit}. */
    public synchronized List<Entry> find(Predicate<Entry> filter, int limit) {
        awaitEarlierRequests();
        List<Entry> found = new ArrayList<>();
        for (Iterator<Entry> it = entries.descendingIterator(); it.hasNext() && found.size() < limit;) {
            Entry e = it.next();
            if (filter.test(e)) {
                found.add(e);
            }
        }
        return found;
    }

    public synchronized void clear() {
        awaitEarlierRequests();
        entries.clear();
    }

    @EventListener
    void onReset(EmulatorReset reset) {
        synchronized (this) {
            entries.clear();
        }
    }

    /** Waits (at most {@link #MAX_WAIT_MILLIS}) until every request that began before now is recorded. */
    private void awaitEarlierRequests() {
        long before = nextTicket;
        long deadline = System.nanoTime() + MAX_WAIT_MILLIS * 1_000_000;
        while (!inFlight.isEmpty() && inFlight.first() <= before) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
