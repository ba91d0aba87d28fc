package dev.soracommock.stats;

import dev.soracommock.api.sandbox.ApiSandboxStatsApiDelegate;
import dev.soracommock.api.sandbox.model.SandboxBeamCountsDto;
import dev.soracommock.api.sandbox.model.SandboxDataTrafficStatsDto;
import dev.soracommock.api.sandbox.model.SandboxInsertAirStatsRequestDto;
import dev.soracommock.api.sandbox.model.SandboxInsertBeamStatsRequestBeamStatsMapDto;
import dev.soracommock.api.sandbox.model.SandboxInsertBeamStatsRequestDto;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.CurrentCaller;
import dev.soracommock.kernel.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * API Sandbox: Stats tag — inserts Air and Beam stats for one of the caller's subscribers. {@code unixtime} in
 * seconds (values above 1e11 taken as milliseconds); the same timestamp twice for the same IMSI → 400, nothing
 * stored; counts must be non-negative; Air keys are the contract's speed classes.
 */
@Component
class SandboxStatsApiImpl implements ApiSandboxStatsApiDelegate {

    private final StatsService stats;
    private final CurrentCaller caller;

    SandboxStatsApiImpl(StatsService stats, CurrentCaller caller) {
        this.stats = stats;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<Void> sandboxInsertAirStats(String imsi, SandboxInsertAirStatsRequestDto body) {
        StatsService.SimRef sim = stats.subscriber(caller.operatorId(), imsi);
        long t = unixtime(body == null ? null : body.getUnixtime());
        Map<String, StatsService.Counts> entries = new LinkedHashMap<>();
        if (body.getDataTrafficStatsMap() != null) {
            body.getDataTrafficStatsMap().forEach((k, v) -> {
                if (!StatsService.SPEED_CLASSES.contains(k)) {
                    throw new ApiException(ErrorCode.STATS_INVALID_KEY, "speed class", k);
                }
                SandboxDataTrafficStatsDto d = v == null ? new SandboxDataTrafficStatsDto() : v;
                entries.put(k, new StatsService.Counts(count(d.getUploadByteSizeTotal(), "uploadByteSizeTotal"),
                        count(d.getDownloadByteSizeTotal(), "downloadByteSizeTotal"),
                        count(d.getUploadPacketSizeTotal(), "uploadPacketSizeTotal"),
                        count(d.getDownloadPacketSizeTotal(), "downloadPacketSizeTotal"), 0));
            });
        }
        stats.insert(sim, StatsService.AIR, t, entries);
        return ResponseEntity.ok().build();
    }

    @Override
    public ResponseEntity<Void> sandboxInsertBeamStats(String imsi, SandboxInsertBeamStatsRequestDto body) {
        StatsService.SimRef sim = stats.subscriber(caller.operatorId(), imsi);
        long t = unixtime(body == null ? null : body.getUnixtime());
        Map<String, StatsService.Counts> entries = new LinkedHashMap<>();
        SandboxInsertBeamStatsRequestBeamStatsMapDto m = body.getBeamStatsMap();
        if (m != null) {
            beam(entries, "inHttp", m.getInHttp());
            beam(entries, "inMqtt", m.getInMqtt());
            beam(entries, "inTcp", m.getInTcp());
            beam(entries, "inUdp", m.getInUdp());
            beam(entries, "outHttp", m.getOutHttp());
            beam(entries, "outHttps", m.getOutHttps());
            beam(entries, "outMqtt", m.getOutMqtt());
            beam(entries, "outMqtts", m.getOutMqtts());
            beam(entries, "outTcp", m.getOutTcp());
            beam(entries, "outTcps", m.getOutTcps());
            beam(entries, "outUdp", m.getOutUdp());
        }
        stats.insert(sim, StatsService.BEAM, t, entries);
        return ResponseEntity.ok().build();
    }

    private static void beam(Map<String, StatsService.Counts> entries, String key, SandboxBeamCountsDto c) {
        if (c != null) {
            entries.put(key, new StatsService.Counts(0, 0, 0, 0, count(c.getCount(), key + ".count")));
        }
    }

    private static long unixtime(Long value) {
        if (value == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "unixtime is required:unixtime");
        }
        return value;
    }

    static long count(Long value, String field) {
        if (value == null) {
            return 0;
        }
        if (value < 0) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, field + " must not be negative:" + field);
        }
        return value;
    }
}
