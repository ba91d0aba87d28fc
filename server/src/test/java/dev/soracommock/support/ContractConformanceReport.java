package dev.soracommock.support;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints the tally of {@link ContractConformance} at the end of the test run (registered in META-INF/services). */
public final class ContractConformanceReport implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (ContractConformance.successes() + ContractConformance.errors() == 0) {
            return;
        }
        System.out.printf("[contract conformance] %d answers checked against the contracts (%d 2xx, %d 4xx): %d violations%n",
                ContractConformance.successes() + ContractConformance.errors(), ContractConformance.successes(),
                ContractConformance.errors(), ContractConformance.violationCount());
    }
}
