package dev.soracommock.oplog;

import dev.soracommock.config.SharedState;
import dev.soracommock.kernel.PendingWrites;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Writes the API audit log behind the requests: a call's row is queued on the request thread (no database work there)
 * and one writer thread inserts what is queued in batches, every {@value #PERIOD_MS} ms or as soon as
 * {@value #BATCH} rows wait. Every read of the audit log, the state control API ({@link PendingWrites}) and the
 * shutdown flush the queue first, so a read sees every call made before it. When the queue is full
 * ({@value #CAPACITY} rows), the request thread writes it itself: a row is never dropped for lack of room.
 * <p>
 * When instances share the database ({@link SharedState}), a call is written on its request thread, as before: a
 * queue in one instance's memory would hide its last calls from a read made through another instance.
 */
@Component
class ApiAuditWriter implements PendingWrites, DisposableBean {

    static final int BATCH = 200;
    static final int CAPACITY = 10_000;
    static final long PERIOD_MS = 100;

    private static final Logger log = LoggerFactory.getLogger(ApiAuditWriter.class);

    /** One call, as {@link ApiAuditStore#addAll} takes it. */
    record Call(String operatorId, String userName, String apiKind, String method, String requestPath,
            String remoteIp, long time) {
    }

    private final ApiAuditStore store;
    private final BlockingQueue<Call> queue = new ArrayBlockingQueue<>(CAPACITY);
    /** Held while rows are written: whoever holds it has written what it drained before it lets go. */
    private final ReentrantLock writing = new ReentrantLock();
    private final Thread writer;
    private volatile boolean stopped;
    private final AtomicLong written = new AtomicLong();

    private final boolean writeThrough;

    ApiAuditWriter(ApiAuditStore store, Environment environment) {
        this.store = store;
        this.writeThrough = SharedState.enabled(environment);
        this.writer = new Thread(this::run, "api-audit-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues a call; written within {@value #PERIOD_MS} ms, or before anything reads the audit log. */
    void add(Call call) {
        if (writeThrough) {
            write(List.of(call));
            return;
        }
        while (!queue.offer(call)) {
            flush();
        }
        if (stopped) {
            flush(); // shutting down: nobody else will
        } else if (queue.size() >= BATCH) {
            LockSupport.unpark(writer);
        }
    }

    @Override
    public void flush() {
        writing.lock();
        try {
            List<Call> batch = new ArrayList<>();
            while (queue.drainTo(batch, CAPACITY) > 0) {
                write(batch);
                batch.clear();
            }
        } finally {
            writing.unlock();
        }
    }

    private void run() {
        while (!stopped) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MS));
            try {
                flush();
            } catch (RuntimeException e) {
                log.warn("API audit log rows not written: {}", e.toString());
            }
        }
    }

    /** Inserts the rows in one batch, then prunes their operators' oldest rows every {@value OperatorLogService#PRUNE_EVERY}. */
    private void write(List<Call> batch) {
        try {
            store.addAll(batch);
        } catch (RuntimeException e) {
            // one row may fail (its operator was deleted meanwhile): the others are written one by one
            for (Call c : batch) {
                try {
                    store.addAll(List.of(c));
                } catch (DataIntegrityViolationException gone) {
                    // the usual cause: the operator was deleted after its call (its rows went with it)
                    log.debug("API audit log entry of operator {} not stored: {}", c.operatorId(), gone.toString());
                } catch (RuntimeException one) {
                    log.warn("API audit log entry of operator {} not stored: {}", c.operatorId(), one.toString());
                }
            }
        }
        long after = written.addAndGet(batch.size());
        long before = after - batch.size();
        if (before / OperatorLogService.PRUNE_EVERY != after / OperatorLogService.PRUNE_EVERY) {
            Set<String> operators = new LinkedHashSet<>();
            batch.forEach(c -> operators.add(c.operatorId()));
            for (String operatorId : operators) {
                try {
                    store.keepNewest(operatorId, OperatorLogService.AUDIT_ENTRIES_KEPT);
                } catch (RuntimeException e) {
                    log.warn("API audit log of operator {} not pruned: {}", operatorId, e.toString());
                }
            }
        }
    }

    /** At shutdown: the writer stops and what is queued is written. */
    @Override
    public void destroy() throws InterruptedException {
        stopped = true;
        LockSupport.unpark(writer);
        writer.join(TimeUnit.SECONDS.toMillis(10));
        flush();
    }
}
