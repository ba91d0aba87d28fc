package dev.soracommock.fault;

import dev.soracommock.contract.Operations;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.util.AntPathMatcher;

/**
 * One injected fault: what it applies to (every criterion given must match), what it does, how often. Mutable
 * (hits, the seeded random sequence): only {@link FaultService} touches it, under its lock.
 */
final class Fault {

    enum Type {
        LATENCY, ERROR, THROTTLE
    }

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    final String id;
    final String operationId;
    final String tag;
    final String path;
    final String method;
    final String cli;
    final Type type;
    final Integer latencyMs;
    final Integer status;
    final String code;
    final String message;
    final double probability;
    final Long seed;
    final Integer times;
    final long createdAt;
    private final Random random;
    int hits;

    Fault(String id, String operationId, String tag, String path, String method, String cli, Type type,
            Integer latencyMs, Integer status, String code, String message, double probability, Long seed,
            Integer times, long createdAt) {
        this.id = id;
        this.operationId = operationId;
        this.tag = tag;
        this.path = path;
        this.method = method;
        this.cli = cli;
        this.type = type;
        this.latencyMs = latencyMs;
        this.status = status;
        this.code = code;
        this.message = message;
        this.probability = probability;
        this.seed = seed;
        this.times = times;
        this.createdAt = createdAt;
        this.random = seed == null ? null : new Random(seed);
    }

    /** Whether every criterion given matches the request (the path is matched if the request is given). */
    boolean matches(Operations.Entry operation, HttpServletRequest request) {
        var spec = operation.spec();
        return (operationId == null || operationId.equals(spec.operationId()))
                && (tag == null || tag.equalsIgnoreCase(spec.tag()))
                && (method == null || method.equalsIgnoreCase(request == null ? spec.method() : request.getMethod()))
                && (cli == null || spec.cliCommands().stream().map(FaultService::normalizeCli).anyMatch(cli::equals))
                && (path == null || request == null || PATHS.match(path, request.getRequestURI()));
    }

    /** One draw of the fault's chance: the seeded sequence when it has a seed. */
    boolean draw() {
        if (probability >= 1) {
            return true;
        }
        if (probability <= 0) {
            return false;
        }
        double next = random != null ? random.nextDouble() : ThreadLocalRandom.current().nextDouble();
        return next < probability;
    }

    static boolean validPattern(String pattern) {
        return pattern.startsWith("/") && !PATHS.match("/_mock/**", pattern) && !pattern.startsWith("/_mock");
    }
}
