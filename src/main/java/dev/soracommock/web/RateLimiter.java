package dev.soracommock.web;

import dev.soracommock.clock.MockClock;
import dev.soracommock.config.MockProperties;
import dev.soracommock.contract.Operations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The one rate-limit mechanism (step 2 of every operation, after credentials). As on the real API, requests are
 * counted per operator and API (operationId) in one-minute windows of the emulator's clock; the operations the
 * real API limits per caller IP (auth, password reset, …, and the unauthenticated sandbox sign-up) are counted per
 * IP. Every answer carries {@code X-Soracom-Ratelimit-Limit}, {@code -Remaining} and
 * {@code -Seconds-Before-Refresh}; past the limit the answer is 429 in Soracom's form with the same headers.
 * Counts live in this instance's memory (two instances on one database count separately).
 */
@Component
public class RateLimiter implements HandlerInterceptor {

    public static final String LIMIT = "X-Soracom-Ratelimit-Limit";
    public static final String REMAINING = "X-Soracom-Ratelimit-Remaining";
    public static final String SECONDS_BEFORE_REFRESH = "X-Soracom-Ratelimit-Seconds-Before-Refresh";

    /** Operations the real API limits per caller IP (soracom-facts §4.9) plus the unauthenticated sandbox ones. */
    static final Set<String> PER_IP = Set.of("auth", "issuePasswordResetToken", "verifyPasswordResetToken",
            "createOperator", "verifyOperator", "issueMFARevokingToken", "verifyMFARevokingToken",
            "verifyAddEmailToken", "sandboxInitializeOperator", "sandboxGetSignupToken");

    private static final long WINDOW_SECONDS = 60;

    private final Operations operations;
    private final MockProperties.RateLimit settings;
    private final MockClock clock;
    private final CurrentCaller caller;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        final long start;
        int count;

        Window(long start) {
            this.start = start;
        }
    }

    RateLimiter(Operations operations, MockProperties properties, MockClock clock, CurrentCaller caller) {
        this.operations = operations;
        this.settings = properties.rateLimit();
        this.clock = clock;
        this.caller = caller;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var operation = operations.forHandler(handler).orElse(null);
        if (operation == null || !settings.enabled()) {
            return true;
        }
        String operationId = operation.spec().operationId();
        boolean perIp = PER_IP.contains(operationId) || !operation.spec().requiresAuth();
        String subject = perIp ? "ip:" + request.getRemoteAddr() : "op:" + caller.operatorId();
        int limit = perIp ? settings.authPerMinute() : settings.operations().getOrDefault(operationId, settings.perMinute());

        long now = clock.nowSeconds();
        long windowStart = now - Math.floorMod(now, WINDOW_SECONDS);
        int[] counted = new int[1];
        windows.compute(subject + "|" + operationId, (k, old) -> {
            Window current = old == null || old.start != windowStart ? new Window(windowStart) : old;
            counted[0] = ++current.count;
            return current;
        });
        int used = counted[0];
        long secondsLeft = windowStart + WINDOW_SECONDS - now;
        Map<String, String> headers = Map.of(LIMIT, Integer.toString(limit),
                REMAINING, Integer.toString(Math.max(0, limit - used)),
                SECONDS_BEFORE_REFRESH, Long.toString(secondsLeft));
        if (used > limit) {
            throw new ApiException(ErrorCode.RATE_LIMIT_EXCEEDED, Map.of(LIMIT, headers.get(LIMIT), REMAINING, "0",
                    SECONDS_BEFORE_REFRESH, headers.get(SECONDS_BEFORE_REFRESH), "Retry-After", Long.toString(secondsLeft)),
                    secondsLeft);
        }
        headers.forEach(response::setHeader);
        return true;
    }

    /** Forget every count (reset). */
    public void clear() {
        windows.clear();
    }
}
