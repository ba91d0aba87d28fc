package dev.soracommock.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;
import java.sql.Types;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clock's setting in the database's one row of {@code mock_clock} (V18), for instances that share the database:
 * a move, freeze or reset made through any instance is what every instance answers with from its next request on.
 * <p>
 * Reads: {@link ClockStorage}'s filter reads the row once when a request starts and the whole request uses that
 * reading (one primary-key SELECT per request instead of one per use: a request reads the clock several times —
 * token expiry, timestamps, rate-limit window); outside a request (start-up, background work) every use reads the
 * row. A change made through this instance during a request is seen by the rest of that request. Writes lock the
 * row ({@code select … for update}) so that two instances advancing at once both count.
 */
final class DatabaseClockStore implements ClockStore {

    private static final String READ = "select offset_micros, frozen_at_micros from mock_clock where id = 1";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ThreadLocal<ClockSetting> request = new ThreadLocal<>();

    DatabaseClockStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public ClockSetting read() {
        ClockSetting pinned = request.get();
        return pinned != null ? pinned : load(false);
    }

    @Override
    public ClockSetting update(UnaryOperator<ClockSetting> change) {
        ClockSetting updated = transactions.execute(tx -> {
            ClockSetting next = change.apply(load(true));
            jdbc.update("update mock_clock set offset_micros = ?, frozen_at_micros = ? where id = 1",
                    micros(next.offset()), new SqlParameterValue(Types.BIGINT, next.frozenAt() == null ? null : micros(next.frozenAt())));
            return next;
        });
        if (request.get() != null) {
            request.set(updated);
        }
        return updated;
    }

    /** From now until {@link #unpin()} this thread (one request) uses one reading of the row. */
    void pin() {
        request.set(load(false));
    }

    void unpin() {
        request.remove();
    }

    private ClockSetting load(boolean forUpdate) {
        return jdbc.queryForObject(forUpdate ? READ + " for update" : READ, (rs, i) -> {
            long offset = rs.getLong(1);
            long frozen = rs.getLong(2);
            return new ClockSetting(Duration.of(offset, ChronoUnit.MICROS), rs.wasNull() ? null : instant(frozen));
        });
    }

    /** Microseconds (the row's unit: ±290 000 years, finer than any time the APIs show). */
    private static long micros(Duration d) {
        return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1_000);
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
    }
}
