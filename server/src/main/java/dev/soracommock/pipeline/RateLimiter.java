package dev.soracommock.pipeline;

import dev.soracommock.kernel.RateLimitPolicy;
import dev.soracommock.kernel.PipelineStep;
import dev.soracommock.kernel.OperationSpec;
import dev.soracommock.kernel.EmulatorReset;
import org.springframework.context.event.EventListener;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.CurrentCaller;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.clock.MockClock;
import dev.soracommock.config.MockProperties;
import dev.soracommock.contract.Contract;
import dev.soracommock.contract.Operations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The one rate-limit mechanism (step 2 of every operation, after credentials): requests are counted per subject and
 * API (operationId) in one-minute windows of the emulator's clock, and every answer of a limited operation carries
 * the limit, the remainder and the seconds to the window's end; past the limit the answer is 429 with the same
 * headers and {@code Retry-After}. Two configurations of it, chosen by the operation's contract:
 * <ul>
 * <li>Soracom: per operator (per caller IP for auth, password reset, … and the unauthenticated sandbox sign-up),
 * {@code X-Soracom-Ratelimit-Limit}, {@code -Remaining}, {@code -Seconds-Before-Refresh}, 429 COM0007;</li>
 * <li>eSIM Commerce: per API key, only the operations with a limit ({@code soracom-mock.esim.rate-limits.*} over the
 * defaults of esim-commerce.md), {@code X-RateLimit-Limit}, {@code -Remaining}, {@code -Reset}, 429 in the NestJS
 * envelope; off with {@code soracom-mock.esim.rate-limit-enabled=false}.</li>
 * </ul>
 * Counts are kept by {@link RateLimitCounters}: in this instance's memory, or in the database when instances share it
 * ({@code soracom-mock.shared-state}).
 */
@Component
public class RateLimiter implements HandlerInterceptor, PipelineStep, RateLimitPolicy {

    @Override
    public Stage stage() {
        return Stage.RATE_LIMIT;
    }

    public static final String LIMIT = "X-Soracom-Ratelimit-Limit";
    public static final String REMAINING = "X-Soracom-Ratelimit-Remaining";
    public static final String SECONDS_BEFORE_REFRESH = "X-Soracom-Ratelimit-Seconds-Before-Refresh";

    /** Operations the real API limits per caller IP (soracom-facts §4.9) plus the unauthenticated sandbox ones. */
    static final Set<String> PER_IP = Set.of("auth", "issuePasswordResetToken", "verifyPasswordResetToken",
            "createOperator", "verifyOperator", "issueMFARevokingToken", "verifyMFARevokingToken",
            "verifyAddEmailToken", "sandboxInitializeOperator", "sandboxGetSignupToken");

    /**
     * Soracom operations whose own limit is below the general one: Orbit allows 5 soralet test runs a minute
     * (dataplane facts §1.5). {@code soracom-mock.rate-limit.operations.<operationId>} overrides these too.
     */
    static final Map<String, Integer> SORACOM_DEFAULT_LIMITS = Map.of("testSoralet", 5);

    /** Requests per minute of the eSIM Commerce operations that have a limit (esim-commerce.md). */
    static final Map<String, Integer> ESIM_DEFAULT_LIMITS = Map.of("orderEsims", 10, "getEsim", 60,
            "getTransaction", 10, "emergencyControl", 10, "setDataUsage", 60);

    private static final long WINDOW_SECONDS = 60;

    /** How one contract announces its limits. */
    private record Style(String limitHeader, String remainingHeader, String resetHeader, ErrorCode exceeded) {
    }

    private static final Style SORACOM = new Style(LIMIT, REMAINING, SECONDS_BEFORE_REFRESH, ErrorCode.RATE_LIMIT_EXCEEDED);
    private static final Style ESIM = new Style("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset",
            ErrorCode.ESIM_RATE_LIMITED);

    /** What one request is counted against. */
    private record Counted(Style style, String subject, int limit) {
    }

    private final Operations operations;
    private final MockProperties.RateLimit settings;
    private final MockProperties.Esim esim;
    private final Map<String, Integer> esimLimits;
    /** Per-operation Soracom limits (defaults, then configured), keyed by lower-cased operationId. */
    private final Map<String, Integer> soracomLimits;
    private final MockClock clock;
    private final CurrentCaller caller;
    private final RateLimitCounters counters;

    RateLimiter(Operations operations, MockProperties properties, MockClock clock, CurrentCaller caller,
            RateLimitCounters counters) {
        this.counters = counters;
        this.operations = operations;
        this.settings = properties.rateLimit();
        this.esim = properties.esim();
        this.clock = clock;
        this.caller = caller;
        // configured limits win; keys compared without case (environment variables arrive lower-cased)
        Map<String, Integer> limits = new LinkedHashMap<>();
        ESIM_DEFAULT_LIMITS.forEach((op, limit) -> limits.put(op.toLowerCase(), limit));
        esim.rateLimits().forEach((op, limit) -> limits.put(op.toLowerCase(), limit));
        this.esimLimits = Map.copyOf(limits);
        Map<String, Integer> soracom = new LinkedHashMap<>();
        SORACOM_DEFAULT_LIMITS.forEach((op, limit) -> soracom.put(op.toLowerCase(), limit));
        settings.operations().forEach((op, limit) -> soracom.put(op.toLowerCase(), limit));
        this.soracomLimits = Map.copyOf(soracom);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var operation = operations.forHandler(handler).orElse(null);
        if (operation == null || !operation.contract().emulated()) {
            return true;
        }
        String operationId = operation.spec().operationId();
        Counted counted = operation.contract() == Contract.ESIM ? esim(operationId) : soracom(operation, request);
        if (counted == null) {
            return true;
        }
        Style style = counted.style();
        int limit = counted.limit();

        long now = clock.nowSeconds();
        long windowStart = now - Math.floorMod(now, WINDOW_SECONDS);
        int used = counters.increment(counted.subject() + "|" + operationId, windowStart);
        long secondsLeft = windowStart + WINDOW_SECONDS - now;
        Map<String, String> headers = Map.of(style.limitHeader(), Integer.toString(limit),
                style.remainingHeader(), Integer.toString(Math.max(0, limit - used)),
                style.resetHeader(), Long.toString(secondsLeft));
        if (used > limit) {
            throw exceeded(style, limit, secondsLeft);
        }
        headers.forEach(response::setHeader);
        return true;
    }

    private static ApiException exceeded(Style style, int limit, long secondsLeft) {
        return new ApiException(style.exceeded(), Map.of(style.limitHeader(), Integer.toString(limit),
                style.remainingHeader(), "0", style.resetHeader(), Long.toString(secondsLeft),
                "Retry-After", Long.toString(secondsLeft)), secondsLeft);
    }

    /**
     * The 429 this limiter answers when the operation's limit is exhausted, with the same headers and Retry-After
     * (the seconds left in the current window), without counting anything: for an injected throttle fault. An
     * eSIM Commerce operation without a limit of its own is announced with the largest default (60 per minute).
     */
    @Override
    public ApiException throttled(OperationSpec spec, HttpServletRequest request) {
        Operations.Entry operation = operations.require(spec.operationId());
        long now = clock.nowSeconds();
        long secondsLeft = WINDOW_SECONDS - Math.floorMod(now, WINDOW_SECONDS);
        if (operation.contract() == Contract.ESIM) {
            Integer limit = esimLimits.get(operation.spec().operationId().toLowerCase());
            return exceeded(ESIM, limit == null ? 60 : limit, secondsLeft);
        }
        return exceeded(SORACOM, soracomLimit(operation.spec().operationId(), perIp(operation, request)), secondsLeft);
    }

    private Counted soracom(Operations.Entry operation, HttpServletRequest request) {
        if (!settings.enabled()) {
            return null;
        }
        boolean perIp = perIp(operation, request);
        String subject = perIp ? "ip:" + request.getRemoteAddr() : "op:" + caller.operatorId();
        return new Counted(SORACOM, subject, soracomLimit(operation.spec().operationId(), perIp));
    }

    /**
     * Counted per caller IP: the operations the real API limits so, and every call that came without credentials
     * (operations without security, and those where credentials are optional, see AuthInterceptor); else per operator.
     */
    private static boolean perIp(Operations.Entry operation, HttpServletRequest request) {
        return PER_IP.contains(operation.spec().operationId()) || CurrentCaller.of(request) == null;
    }

    private int soracomLimit(String operationId, boolean perIp) {
        return perIp ? settings.authPerMinute()
                : soracomLimits.getOrDefault(operationId.toLowerCase(), settings.perMinute());
    }

    /** Per API key (its hash: the reseller), only for the operations that have a limit. */
    private Counted esim(String operationId) {
        Integer limit = esimLimits.get(operationId.toLowerCase());
        if (!esim.rateLimitEnabled() || limit == null) {
            return null;
        }
        return new Counted(ESIM, "key:" + caller.resellerId(), limit);
    }

    /** Every count is forgotten when the emulator is reset or a state document imported. */
    @EventListener(EmulatorReset.class)
    void clear() {
        counters.clear();
    }
}
