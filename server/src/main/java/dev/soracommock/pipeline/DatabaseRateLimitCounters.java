package dev.soracommock.pipeline;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rate-limit counts in table {@code rate_limit_window} (V18), shared by the instances on one database. Each count
 * is one atomic statement in auto-commit: on PostgreSQL an insert that adds one on conflict and returns the count; on
 * H2 (which has no {@code on conflict … do update}) an update that adds one and returns the row through
 * {@code final table}, or, for a key's first request in the window, an insert (when another instance inserted first,
 * the update is repeated). The row lock of the update keeps concurrent counts exact on both. Windows that ended are
 * deleted by the first count of each new window (one indexed delete a minute per instance).
 */
final class DatabaseRateLimitCounters implements RateLimitCounters {

    private static final String UPSERT = "insert into rate_limit_window (subject_key, window_start, hits) values (?, ?, 1)"
            + " on conflict (subject_key, window_start) do update set hits = rate_limit_window.hits + 1 returning hits";
    private static final String H2_INCREMENT = "select hits from final table (update rate_limit_window"
            + " set hits = hits + 1 where subject_key = ? and window_start = ?)";
    private static final String INSERT = "insert into rate_limit_window (subject_key, window_start, hits) values (?, ?, 1)";

    private final JdbcTemplate jdbc;
    private volatile Boolean h2;
    /** The newest window start this instance has purged older windows for. */
    private final AtomicLong purgedBefore = new AtomicLong(Long.MIN_VALUE);

    DatabaseRateLimitCounters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int increment(String key, long windowStart) {
        purgeBefore(windowStart);
        if (!h2()) {
            return jdbc.queryForObject(UPSERT, Integer.class, key, windowStart);
        }
        for (int attempt = 0; ; attempt++) {
            List<Integer> hits = jdbc.queryForList(H2_INCREMENT, Integer.class, key, windowStart);
            if (!hits.isEmpty()) {
                return hits.get(0);
            }
            try {
                jdbc.update(INSERT, key, windowStart);
                return 1;
            } catch (DuplicateKeyException raced) {
                if (attempt > 3) {
                    throw raced;
                }
                // another instance counted the key's first request of this window: count on its row
            }
        }
    }

    @Override
    public void clear() {
        jdbc.update("delete from rate_limit_window");
    }

    private void purgeBefore(long windowStart) {
        long last = purgedBefore.get();
        if (windowStart > last && purgedBefore.compareAndSet(last, windowStart)) {
            jdbc.update("delete from rate_limit_window where window_start < ?", windowStart);
        }
    }

    private boolean h2() {
        Boolean known = h2;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) c -> "H2".equals(c.getMetaData().getDatabaseProductName()));
            h2 = known;
        }
        return known;
    }
}
