package dev.soracommock.admin;

import dev.soracommock.clock.MockClock;
import dev.soracommock.web.ApiException;
import dev.soracommock.web.ErrorCode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The emulator's clock over HTTP: {@code GET /_mock/clock}; {@code PUT /_mock/clock {"now": ISO-8601 | epoch ms,
 * "frozen": bool}} (either field optional); {@code POST /_mock/clock/advance {"seconds": n}}. Token expiry, SIM
 * expiry actions, rate-limit windows and eSIM validity all follow it.
 */
@RestController
class ClockEndpoint {

    record ClockChange(Object now, Boolean frozen) {
    }

    record Advance(Long seconds) {
    }

    private final MockClock clock;

    ClockEndpoint(MockClock clock) {
        this.clock = clock;
    }

    @GetMapping("/_mock/clock")
    Map<String, Object> get() {
        Instant now = clock.instant();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("now", now.toString());
        out.put("epochMillis", now.toEpochMilli());
        out.put("frozen", clock.frozen());
        return out;
    }

    @PutMapping("/_mock/clock")
    Map<String, Object> set(@RequestBody ClockChange change) {
        Instant now = change.now() == null ? null : instant(change.now());
        // freeze first, so that a frozen clock stops exactly at the instant given
        if (Boolean.TRUE.equals(change.frozen())) {
            clock.freeze();
        }
        if (now != null) {
            clock.set(now);
        }
        if (Boolean.FALSE.equals(change.frozen())) {
            clock.unfreeze();
        }
        return get();
    }

    @PostMapping("/_mock/clock/advance")
    Map<String, Object> advance(@RequestBody Advance advance) {
        if (advance.seconds() == null || advance.seconds() < 0) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "seconds must be a non-negative number:seconds");
        }
        clock.advance(Duration.ofSeconds(advance.seconds()));
        return get();
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
