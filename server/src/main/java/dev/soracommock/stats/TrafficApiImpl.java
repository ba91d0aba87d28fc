package dev.soracommock.stats;

import dev.soracommock.api.mock.TrafficApiDelegate;
import dev.soracommock.api.mock.model.TrafficDto;
import dev.soracommock.api.mock.model.TrafficResultDto;
import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The traffic simulator of the control API: {@code POST /_mock/sims/{sim_id}/traffic {speedClass, uploadBytes,
 * downloadBytes, from, to, beam: {inHttp: n, …}}} spreads the bytes (and Beam counts) evenly over 5-minute Air inserts from the 5-minute
 * bucket holding {@code from} up to {@code to} (seconds; default: the last hour of the MockClock).
 */
@Component
class TrafficApiImpl implements TrafficApiDelegate {

    private final StatsService stats;
    private final MockClock clock;

    TrafficApiImpl(StatsService stats, MockClock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<TrafficResultDto> simulateTraffic(String simId, TrafficDto t) {
        StatsService.SimRef sim = stats.sim(null, simId);
        String speedClass = t.getSpeedClass() == null ? "s1.standard" : t.getSpeedClass();
        if (!StatsService.SPEED_CLASSES.contains(speedClass)) {
            throw new ApiException(ErrorCode.STATS_INVALID_KEY, "speed class", speedClass);
        }
        long up = SandboxStatsApiImpl.count(t.getUploadBytes(), "uploadBytes");
        long down = SandboxStatsApiImpl.count(t.getDownloadBytes(), "downloadBytes");
        long to = t.getTo() == null ? clock.nowSeconds() : StatsService.seconds(t.getTo());
        long from = t.getFrom() == null ? to - 3600 : StatsService.seconds(t.getFrom());
        if (from > to) {
            throw new ApiException(ErrorCode.STATS_INVALID_RANGE, "from must not be after to");
        }
        Map<String, Long> beam = new LinkedHashMap<>();
        if (t.getBeam() != null) {
            t.getBeam().forEach((k, v) -> {
                if (!StatsService.BEAM_TYPES.contains(k)) {
                    throw new ApiException(ErrorCode.STATS_INVALID_KEY, "Beam type", k);
                }
                beam.put(k, SandboxStatsApiImpl.count(v, k));
            });
        }
        int buckets = stats.simulate(sim, speedClass, up, down, from, to, beam);
        return ResponseEntity.ok(new TrafficResultDto().simId(sim.simId()).imsi(sim.imsi()).buckets(buckets)
                .uploadBytes(up).downloadBytes(down));
    }
}
