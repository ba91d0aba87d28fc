package dev.soracommock.stats;

import dev.soracommock.api.soracom.StatsApiDelegate;
import dev.soracommock.api.soracom.model.AirAggregatedStatsResponseDto;
import dev.soracommock.api.soracom.model.AirStatsResponseDto;
import dev.soracommock.api.soracom.model.BeamStatsResponseDto;
import dev.soracommock.api.soracom.model.DataTrafficStatsDto;
import dev.soracommock.api.soracom.model.ExportRequestDto;
import dev.soracommock.api.soracom.model.FileExportResponseDto;
import dev.soracommock.api.soracom.model.FunkStatsResponseDto;
import dev.soracommock.api.soracom.model.FunnelStatsResponseDto;
import dev.soracommock.api.soracom.model.HarvestStatsResponseDto;
import dev.soracommock.api.soracom.model.SoracomBeamStatsDto;
import dev.soracommock.api.soracom.model.SoracomFunkStatsDto;
import dev.soracommock.api.soracom.model.SoracomFunnelStatsDto;
import dev.soracommock.api.soracom.model.SoracomHarvestStatsDto;
import dev.soracommock.coverage.LeftToFallback;
import dev.soracommock.coverage.Limitation;
import dev.soracommock.export.ExportService;
import dev.soracommock.kernel.CurrentCaller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.LongFunction;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Stats tag: Air per subscriber, SIM, group (the SIMs currently in it) and operator; Beam, Funk, Funnel and Harvest
 * per subscriber (sandbox inserts, and what the device pipeline counts: {@code device/UnifiedEndpoint}). Buckets are 5-minute /
 * day / month in UTC, empty ones omitted. ExportService answer a URL of a CSV served by {@code GET /_mock/exports/{id}.csv}
 * ({@link ExportService}; with {@code export_mode=async} also {@code exportedFileId} and {@code exportedFilePath}).
 */
@Component
@LeftToFallback(operations = {"getHarvestExportedDataStats", "getNapterAuditLogsExportedDataStats"},
        reason = "the emulator keeps no Harvest exports or Napter audit logs to count")
class StatsApiImpl implements StatsApiDelegate {

    private final StatsService stats;
    private final CurrentCaller caller;
    private final ExportService exports;

    StatsApiImpl(StatsService stats, CurrentCaller caller, ExportService exports) {
        this.stats = stats;
        this.caller = caller;
        this.exports = exports;
    }

    @Override
    public ResponseEntity<List<AirStatsResponseDto>> getAirStats(String imsi, Long from, Long to, String period) {
        String op = caller.operatorId();
        stats.subscriber(op, imsi);
        return ResponseEntity.ok(air(stats.read(StatsService.AIR, "imsi", imsi, op, from, to, period)));
    }

    @Override
    public ResponseEntity<List<AirStatsResponseDto>> getAirStatsOfSim(String simId, Long from, Long to, String period) {
        String op = caller.operatorId();
        stats.sim(op, simId);
        return ResponseEntity.ok(air(stats.read(StatsService.AIR, "sim", simId, op, from, to, period)));
    }

    @Override
    public ResponseEntity<List<AirAggregatedStatsResponseDto>> getAirStatsOfGroup(String groupId, Long from, Long to,
            String period) {
        String op = caller.operatorId();
        stats.requireGroup(op, groupId);
        return ResponseEntity.ok(aggregated(stats.read(StatsService.AIR, "group", groupId, op, from, to, period)));
    }

    @Override
    public ResponseEntity<List<AirAggregatedStatsResponseDto>> getAirStatsOfOperator(String operatorId, Long from,
            Long to, String period) {
        String op = caller.operatorId();
        return ResponseEntity.ok(aggregated(stats.read(StatsService.AIR, "operator", op, op, from, to, period)));
    }

    @Override
    public ResponseEntity<List<BeamStatsResponseDto>> getBeamStats(String imsi, Long from, Long to, String period) {
        return ResponseEntity.ok(counts(StatsService.BEAM, imsi, from, to, period, c -> new SoracomBeamStatsDto().count(c),
                (b, m) -> new BeamStatsResponseDto().date(b.date()).unixtime(b.unixtime()).beamStatsMap(m)));
    }

    @Override
    @Limitation("counts the messages the SIM's device sent that Funk took (POST /_mock/sims/{sim_id}/unified, recorded"
            + " in GET /_mock/deliveries), keyed http [UNKNOWN: the real map's keys]")
    public ResponseEntity<List<FunkStatsResponseDto>> getFunkStats(String imsi, Long from, Long to, String period) {
        return ResponseEntity.ok(counts(StatsService.FUNK, imsi, from, to, period, c -> new SoracomFunkStatsDto().count(c),
                (b, m) -> new FunkStatsResponseDto().unixtime(b.unixtime()).funkStatsMap(m)));
    }

    @Override
    @Limitation("counts the messages the SIM's device sent that Funnel took (POST /_mock/sims/{sim_id}/unified,"
            + " recorded in GET /_mock/deliveries), keyed http [UNKNOWN: the real map's keys]")
    public ResponseEntity<List<FunnelStatsResponseDto>> getFunnelStats(String imsi, Long from, Long to, String period) {
        return ResponseEntity.ok(counts(StatsService.FUNNEL, imsi, from, to, period,
                c -> new SoracomFunnelStatsDto().count(c),
                (b, m) -> new FunnelStatsResponseDto().unixtime(b.unixtime()).funnelStatsMap(m)));
    }

    @Override
    @Limitation("counts the messages Harvest Data stored from the SIM's device (POST /_mock/sims/{sim_id}/unified), "
            + "keyed http [UNKNOWN: the real map's keys]")
    public ResponseEntity<List<HarvestStatsResponseDto>> getHarvestStats(String imsi, Long from, Long to, String period) {
        return ResponseEntity.ok(counts(StatsService.HARVEST, imsi, from, to, period,
                c -> new SoracomHarvestStatsDto().count(c),
                (b, m) -> new HarvestStatsResponseDto().unixtime(b.unixtime()).harvestStatsMap(m)));
    }

    /**
     * A subscriber's counted stats (Beam, Funk, Funnel, Harvest): one answer per bucket, its map of counts by key, in
     * each kind's own types.
     */
    private <C, R> List<R> counts(String kind, String imsi, Long from, Long to, String period, LongFunction<C> count,
            BiFunction<StatsService.Bucket, Map<String, C>, R> answer) {
        String op = caller.operatorId();
        stats.subscriber(op, imsi);
        return stats.read(kind, "imsi", imsi, op, from, to, period).stream().map(b -> {
            Map<String, C> m = new LinkedHashMap<>();
            b.byKey().forEach((k, c) -> m.put(k, count.apply(c.beamCount())));
            return answer.apply(b, m);
        }).toList();
    }

    @Override
    public ResponseEntity<FileExportResponseDto> exportAirStats(String operatorId, ExportRequestDto body, String exportMode) {
        return export(StatsService.AIR, body, exportMode);
    }

    @Override
    public ResponseEntity<FileExportResponseDto> exportBeamStats(String operatorId, ExportRequestDto body, String exportMode) {
        return export(StatsService.BEAM, body, exportMode);
    }

    @Override
    public ResponseEntity<FileExportResponseDto> exportFunkStats(String operatorId, ExportRequestDto body, String exportMode) {
        return export(StatsService.FUNK, body, exportMode);
    }

    @Override
    public ResponseEntity<FileExportResponseDto> exportFunnelStats(String operatorId, ExportRequestDto body,
            String exportMode) {
        return export(StatsService.FUNNEL, body, exportMode);
    }

    @Override
    public ResponseEntity<FileExportResponseDto> exportHarvestStats(String operatorId, ExportRequestDto body,
            String exportMode) {
        return export(StatsService.HARVEST, body, exportMode);
    }

    private ResponseEntity<FileExportResponseDto> export(String kind, ExportRequestDto body, String exportMode) {
        String op = caller.operatorId();
        String period = body == null || body.getPeriod() == null ? null : body.getPeriod().getValue();
        String csv = stats.csv(op, kind, body == null ? null : body.getFrom(), body == null ? null : body.getTo(), period);
        return ResponseEntity.ok(exports.publish(op, csv, exportMode));
    }

    private static List<AirStatsResponseDto> air(List<StatsService.Bucket> buckets) {
        return buckets.stream().map(b -> {
            Map<String, DataTrafficStatsDto> m = new LinkedHashMap<>();
            b.byKey().forEach((k, c) -> m.put(k, new DataTrafficStatsDto().uploadByteSizeTotal(c.uploadBytes())
                    .downloadByteSizeTotal(c.downloadBytes()).uploadPacketSizeTotal(c.uploadPackets())
                    .downloadPacketSizeTotal(c.downloadPackets())));
            return new AirStatsResponseDto().date(b.date()).unixtime(b.unixtime()).dataTrafficStatsMap(m);
        }).toList();
    }

    private static List<AirAggregatedStatsResponseDto> aggregated(List<StatsService.Bucket> buckets) {
        return buckets.stream().map(b -> {
            long up = 0;
            long down = 0;
            for (StatsService.Counts c : b.byKey().values()) {
                up += c.uploadBytes();
                down += c.downloadBytes();
            }
            return new AirAggregatedStatsResponseDto().unixtime(b.unixtime()).uploadByteSizeTotal(up)
                    .downloadByteSizeTotal(down);
        }).toList();
    }
}
