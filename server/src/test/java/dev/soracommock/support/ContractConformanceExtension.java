package dev.soracommock.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails the test (or, for what happened outside a test, the class) during which the emulator gave an answer the
 * contract does not allow ({@link ContractConformance}). Registered for every test class by JUnit's extension
 * auto-detection (src/test/resources/junit-platform.properties and META-INF/services).
 */
public final class ContractConformanceExtension implements AfterEachCallback, AfterAllCallback {

    private static int reported;

    @Override
    public void afterEach(ExtensionContext context) {
        failOnNewViolations();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        failOnNewViolations();
    }

    private static synchronized void failOnNewViolations() {
        var found = ContractConformance.violationsSince(reported);
        reported += found.size();
        if (!found.isEmpty()) {
            throw new AssertionError(found.size() + " answer(s) that the contract does not allow:\n  "
                    + String.join("\n  ", found));
        }
    }
}
