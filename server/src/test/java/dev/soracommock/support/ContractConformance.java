package dev.soracommock.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tally of the answers checked by {@link ContractCheckFilter} in this JVM: how many 2xx and 4xx answers were
 * checked against the contract, and each violation found. {@link ContractConformanceExtension} fails the test during
 * which a violation happened; {@link ContractConformanceReport} prints the tally when the test run ends.
 */
public final class ContractConformance {

    private static final AtomicLong SUCCESSES = new AtomicLong();
    private static final AtomicLong ERRORS = new AtomicLong();
    private static final List<String> VIOLATIONS = new ArrayList<>();

    private ContractConformance() {
    }

    static void checked(int status, List<String> problems, String call) {
        (status >= 400 ? ERRORS : SUCCESSES).incrementAndGet();
        if (!problems.isEmpty()) {
            synchronized (VIOLATIONS) {
                VIOLATIONS.add(call + " answered " + status + ", which the contract does not allow: " + problems);
            }
        }
    }

    /** 2xx answers checked so far. */
    public static long successes() {
        return SUCCESSES.get();
    }

    /** 4xx answers checked so far. */
    public static long errors() {
        return ERRORS.get();
    }

    /** How many violations were found so far. */
    public static int violationCount() {
        synchronized (VIOLATIONS) {
            return VIOLATIONS.size();
        }
    }

    /** The violations found since the {@code from}-th one. */
    public static List<String> violationsSince(int from) {
        synchronized (VIOLATIONS) {
            return new ArrayList<>(VIOLATIONS.subList(Math.min(from, VIOLATIONS.size()), VIOLATIONS.size()));
        }
    }
}
