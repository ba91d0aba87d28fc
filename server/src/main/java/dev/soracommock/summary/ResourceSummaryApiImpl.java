package dev.soracommock.summary;

import dev.soracommock.api.soracom.ResourceSummaryApiDelegate;
import dev.soracommock.api.soracom.model.ResourceSummaryDto;
import dev.soracommock.api.soracom.model.ResourceSummaryItemDto;
import dev.soracommock.api.soracom.model.ResourceSummaryItemValueDto;
import dev.soracommock.clock.MockClock;
import dev.soracommock.coverage.Limitation;
import dev.soracommock.kernel.CurrentCaller;
import dev.soracommock.subscriber.SimService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * ResourceSummary tag: counts of the caller's resources, read from the state when asked. The one summary type of the
 * contract, {@code simsPerStatus}, is one item without dimensions whose values count the SIMs per status.
 */
@Component
class ResourceSummaryApiImpl implements ResourceSummaryApiDelegate {

    static final String SIMS_PER_STATUS = "simsPerStatus";

    /** The statuses the published summary counts, each as its value's name ({@code <status>Sims}). */
    static final List<String> STATUSES = List.of("ready", "active", "inactive", "standby", "suspended");

    private final SimService sims;
    private final CurrentCaller caller;
    private final MockClock clock;

    ResourceSummaryApiImpl(SimService sims, CurrentCaller caller, MockClock clock) {
        this.sims = sims;
        this.caller = caller;
        this.clock = clock;
    }

    @Override
    @Limitation("counted when asked, so a change shows at once, and updatedTime is the emulator's clock then ([UNKNOWN]"
            + " how often the real summary is refreshed); every one of readySims, activeSims, inactiveSims, standbySims"
            + " and suspendedSims is listed, 0 included ([UNKNOWN] whether the real one leaves zeros out); terminated"
            + " SIMs are not counted (the published value names have none)")
    public ResponseEntity<ResourceSummaryDto> getResourceSummary(String resourceSummaryType) {
        // the contract's enum has simsPerStatus only: the request validator refuses any other type (400 COM0008)
        Map<String, Long> counts = sims.countByStatus(caller.operatorId());
        List<ResourceSummaryItemValueDto> values = new ArrayList<>();
        for (String status : STATUSES) {
            values.add(new ResourceSummaryItemValueDto().name(status + "Sims")
                    .value(BigDecimal.valueOf(counts.getOrDefault(status, 0L))));
        }
        ResourceSummaryItemDto item = new ResourceSummaryItemDto().dimensions(new ArrayList<>()).values(values)
                .updatedTime(clock.nowMillis());
        return ResponseEntity.ok(new ResourceSummaryDto().resourceSummaryType(SIMS_PER_STATUS)
                .resourceSummaryItems(List.of(item)));
    }
}
