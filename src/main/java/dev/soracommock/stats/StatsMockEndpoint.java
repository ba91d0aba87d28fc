package dev.soracommock.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import dev.soracommock.web.ApiException;
import dev.soracommock.web.ErrorCode;

/**
 * The traffic simulator under /_mock: {@code POST /_mock/sims/{sim_id}/traffic {speedClass, uploadBytes, downloadBytes,
 * from, to, beam: {inHttp: n, …}}} spreads the bytes (and Beam counts) evenly over 5-minute Air inserts from the 5-minute
 * bucket holding {@code from} up to {@code to} (seconds; default: the last hour of the MockClock).
 */
@RestController
class StatsMockEndpoint {

    record Traffic(String speedClass, Long uploadBytes, Long downloadBytes, Long from, Long to, Map<String, Long> beam) {
    }

    private final StatsStore stats;
    private final dev.soracommock.clock.MockClock clock;

    StatsMockEndpoint(StatsStore stats, dev.soracommock.clock.MockClock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    @PostMapping("/_mock/sims/{sim_id}/traffic")
    Map<String, Object> traffic(@PathVariable("sim_id") String simId, @RequestBody Traffic t) {
        StatsStore.SimRef sim = stats.sim(null, simId);
        String speedClass = t.speedClass() == null ? "s1.standard" : t.speedClass();
        if (!StatsStore.SPEED_CLASSES.contains(speedClass)) {
            throw new ApiException(ErrorCode.STATS_INVALID_KEY, "speed class", speedClass);
        }
        long up = SandboxStatsApiImpl.count(t.uploadBytes(), "uploadBytes");
        long down = SandboxStatsApiImpl.count(t.downloadBytes(), "downloadBytes");
        long to = t.to() == null ? clock.nowSeconds() : StatsStore.seconds(t.to());
        long from = t.from() == null ? to - 3600 : StatsStore.seconds(t.from());
        if (from > to) {
            throw new ApiException(ErrorCode.STATS_INVALID_RANGE, "from must not be after to");
        }
        Map<String, Long> beam = new LinkedHashMap<>();
        if (t.beam() != null) {
            t.beam().forEach((k, v) -> {
                if (!StatsStore.BEAM_TYPES.contains(k)) {
                    throw new ApiException(ErrorCode.STATS_INVALID_KEY, "Beam type", k);
                }
                beam.put(k, SandboxStatsApiImpl.count(v, k));
            });
        }
        int buckets = stats.simulate(sim, speedClass, up, down, from, to, beam);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("simId", sim.simId());
        out.put("imsi", sim.imsi());
        out.put("buckets", buckets);
        out.put("uploadBytes", up);
        out.put("downloadBytes", down);
        return out;
    }
}
