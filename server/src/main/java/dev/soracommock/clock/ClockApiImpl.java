package dev.soracommock.clock;

import dev.soracommock.api.mock.ClockApiDelegate;
import dev.soracommock.api.mock.model.ClockAdvanceDto;
import dev.soracommock.api.mock.model.ClockChangeDto;
import dev.soracommock.api.mock.model.ClockDto;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The emulator's clock over HTTP ({@code /_mock/clock}): read, set (ISO-8601 or epoch ms), freeze, advance. Token
 * expiry, SIM expiry actions, stats buckets, bills, rate-limit windows and eSIM validity all follow it.
 */
@Component
class ClockApiImpl implements ClockApiDelegate {

    private final MockClock clock;
    private final ApplicationEventPublisher publisher;

    ClockApiImpl(MockClock clock, ApplicationEventPublisher publisher) {
        this.clock = clock;
        this.publisher = publisher;
    }

    @Override
    public ResponseEntity<ClockDto> getClock() {
        return ResponseEntity.ok(view());
    }

    @Override
    public ResponseEntity<ClockDto> setClock(ClockChangeDto change) {
        Instant now = change.getNow() == null ? null : instant(change.getNow());
        Instant before = clock.instant();
        // freeze first, so that a frozen clock stops exactly at the instant given
        if (Boolean.TRUE.equals(change.getFrozen())) {
            clock.freeze();
        }
        if (now != null) {
            clock.set(now);
        }
        if (Boolean.FALSE.equals(change.getFrozen())) {
            clock.unfreeze();
        }
        moved(before);
        return ResponseEntity.ok(view());
    }

    @Override
    public ResponseEntity<ClockDto> advanceClock(ClockAdvanceDto advance) {
        // the contract (validated before this) requires a non-negative number of seconds
        Instant before = clock.instant();
        clock.advance(Duration.ofSeconds(advance.getSeconds()));
        moved(before);
        return ResponseEntity.ok(view());
    }

    /** Tells the domains that the clock moved forward (due expiries, scheduled actions); nothing when it went back. */
    private void moved(Instant before) {
        Instant after = clock.instant();
        if (after.isAfter(before)) {
            publisher.publishEvent(new ClockMoved(before, after));
        }
    }

    /** The clock as the control API shows it (also in the state document). */
    ClockDto view() {
        Instant now = clock.instant();
        return new ClockDto(now.toString(), now.toEpochMilli(), clock.frozen());
    }

    private static Instant instant(Object value) {
        try {
            if (value instanceof Number n) {
                return Instant.ofEpochMilli(n.longValue());
            }
            return Instant.parse(String.valueOf(value));
        } catch (DateTimeException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "now must be ISO-8601 or epoch milliseconds:now");
        }
    }
}
