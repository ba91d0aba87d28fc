package dev.soracommock.subscriber;

import dev.soracommock.kernel.CacheableReads;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The SIM lists, which answer from the SIM tables alone ({@link SimViews}: no clock, nothing written): the pipeline may
 * answer them again while nothing changed. {@link SimStore} writes those tables and says so at every write. The reads
 * of one SIM ({@code getSim}, {@code getSubscriber}) are not among them: reading a SIM carries out its expiry once the
 * emulator clock has passed it ({@code SimService.applyDueExpiry}), so their answer depends on the time as well.
 */
@Component
class SimReads implements CacheableReads {

    @Override
    public Set<String> operationIds() {
        return Set.of("listSubscribers", "listSims");
    }
}
