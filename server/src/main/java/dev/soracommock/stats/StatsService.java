package dev.soracommock.stats;

import dev.soracommock.clock.MockClock;
import dev.soracommock.export.Csv;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stats as the emulator records them: one row per speed class (Air) or Beam type of each insert, summed into
 * 5-minute / day / month buckets in UTC when read. SIMs are looked up within the caller's operator; a SIM's group is
 * its current {@code sim.group_id}. All "within the last 32 days / 18 months" checks use the MockClock.
 */
@Service
public class StatsService {

    public static final String AIR = "air";
    public static final String BEAM = "beam";
    public static final String HARVEST = "harvest";
    public static final String FUNNEL = "funnel";
    public static final String FUNK = "funk";
    static final Set<String> SPEED_CLASSES = Set.of("s1.minimum", "s1.slow", "s1.standard", "s1.fast", "s1.4xfast",
            "s1.8xfast", "u1.standard", "u1.slow", "t1.standard", "arc.standard");
    static final Set<String> BEAM_TYPES = Set.of("inHttp", "inMqtt", "inTcp", "inUdp", "outHttp", "outHttps", "outMqtt",
            "outMqtts", "outTcp", "outTcps", "outUdp");
    static final long FIVE_MINUTES = 300;
    static final long MINUTES_WINDOW = 32L * 24 * 3600;
    static final int MONTH_WINDOW = 18;

    /** One stored count of an insert. */
    public record Counts(long uploadBytes, long downloadBytes, long uploadPackets, long downloadPackets, long beamCount) {
    }

    /** A SIM of an operator and its (primary) IMSI. */
    record SimRef(String operatorId, String simId, String imsi) {
    }

    /** One bucket: its start (seconds), date string and the sums per key. */
    record Bucket(long unixtime, String date, Map<String, Counts> byKey) {
    }

    private final JdbcTemplate jdbc;
    private final MockClock clock;
    private final ApplicationEventPublisher publisher;

    StatsService(JdbcTemplate jdbc, MockClock clock, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.publisher = publisher;
    }

    /** Seconds; values above 1e11 are taken as milliseconds (facts §3.8). */
    static long seconds(long unixtime) {
        return unixtime > 100_000_000_000L ? unixtime / 1000 : unixtime;
    }

    SimRef subscriber(String operatorId, String imsi) {
        List<SimRef> found = jdbc.query("select s.operator_id, s.sim_id, sub.imsi from sim_subscription sub"
                + " join sim s on s.sim_id = sub.sim_id where sub.imsi = ? and s.operator_id = ?",
                (rs, i) -> new SimRef(rs.getString(1), rs.getString(2), rs.getString(3)), imsi, operatorId);
        if (found.isEmpty()) {
            throw new ApiException(ErrorCode.SUBSCRIBER_NOT_FOUND);
        }
        return found.get(0);
    }

    /** The SIM (any operator when operatorId is null, as the /_mock simulator has none) and its primary IMSI. */
    SimRef sim(String operatorId, String simId) {
        List<SimRef> found = jdbc.query("select s.operator_id, s.sim_id, sub.imsi from sim s"
                + " join sim_subscription sub on sub.sim_id = s.sim_id where s.sim_id = ? and s.operator_id is not null"
                + " and (cast(? as varchar(16)) is null or s.operator_id = ?) order by sub.is_primary desc",
                (rs, i) -> new SimRef(rs.getString(1), rs.getString(2), rs.getString(3)), simId, operatorId, operatorId);
        if (found.isEmpty()) {
            throw new ApiException(ErrorCode.SIM_NOT_FOUND);
        }
        return found.get(0);
    }

    void requireGroup(String operatorId, String groupId) {
        Integer n = jdbc.queryForObject("select count(*) from sim_group where group_id = ? and operator_id = ?",
                Integer.class, groupId, operatorId);
        if (n == null || n == 0) {
            throw new ApiException(ErrorCode.GROUP_NOT_FOUND);
        }
    }

    /** A sandbox insert: the same timestamp twice for the same IMSI and kind → 400, nothing stored. */
    @Transactional
    public void insert(SimRef sim, String kind, long unixtime, Map<String, Counts> entries) {
        long t = seconds(unixtime);
        if (t < 0) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "unixtime must not be negative:unixtime");
        }
        Integer n = jdbc.queryForObject("select count(*) from stats_insert where imsi = ? and kind = ? and unixtime = ?"
                + " and simulated = false", Integer.class, sim.imsi(), kind, t);
        if (n != null && n > 0) {
            throw new ApiException(ErrorCode.STATS_DUPLICATE_TIMESTAMP);
        }
        store(sim, kind, t, entries.isEmpty() ? Map.of("", new Counts(0, 0, 0, 0, 0)) : entries, false);
        if (AIR.equals(kind)) {
            trafficRecorded(sim, entries.values().stream().mapToLong(c -> c.uploadBytes() + c.downloadBytes()).sum());
        }
    }

    private void trafficRecorded(SimRef sim, long bytes) {
        publisher.publishEvent(new TrafficRecorded(sim.operatorId(), sim.simId(), sim.imsi(), bytes, clock.nowMillis()));
    }

    /**
     * The Air bytes (upload + download) recorded with {@code fromSeconds <= unixtime < toSeconds} for one IMSI
     * ({@code scope} imsi), one SIM (sim), the SIMs now in a group (group) or all the operator's SIMs (operator).
     */
    public long airBytes(String operatorId, String scope, String value, long fromSeconds, long toSeconds) {
        String where = switch (scope) {
            case "imsi" -> " and imsi = ?";
            case "sim" -> " and sim_id = ?";
            case "group" -> " and sim_id in (select sim_id from sim where group_id = ?)";
            default -> " and cast(? as varchar(64)) is not null";
        };
        Long sum = jdbc.queryForObject("select coalesce(sum(upload_bytes + download_bytes), 0) from stats_insert"
                + " where operator_id = ? and kind = 'air' and unixtime >= ? and unixtime < ?" + where, Long.class,
                operatorId, fromSeconds, toSeconds, value == null ? "" : value);
        return sum == null ? 0 : sum;
    }

    void store(SimRef sim, String kind, long t, Map<String, Counts> entries, boolean simulated) {
        for (Map.Entry<String, Counts> e : entries.entrySet()) {
            Counts c = e.getValue();
            jdbc.update("insert into stats_insert (operator_id, imsi, sim_id, unixtime, kind, stat_key, upload_bytes,"
                    + " download_bytes, upload_packets, download_packets, beam_count, simulated)"
                    + " values (?,?,?,?,?,?,?,?,?,?,?,?)", sim.operatorId(), sim.imsi(), sim.simId(), t, kind, e.getKey(),
                    c.uploadBytes(), c.downloadBytes(), c.uploadPackets(), c.downloadPackets(), c.beamCount(), simulated);
        }
    }

    /** The traffic simulator: N bytes over [from, to) spread evenly into 5-minute Air inserts (and Beam counts). */
    @Transactional
    public int simulate(SimRef sim, String speedClass, long upload, long download, long from, long to,
            Map<String, Long> beam) {
        long start = Math.floorDiv(seconds(from), FIVE_MINUTES) * FIVE_MINUTES;
        long end = seconds(to);
        int n = (int) Math.max(1, (end - start + FIVE_MINUTES - 1) / FIVE_MINUTES);
        for (int i = 0; i < n; i++) {
            long up = upload / n + (i < upload % n ? 1 : 0);
            long down = download / n + (i < download % n ? 1 : 0);
            long t = start + i * FIVE_MINUTES;
            store(sim, AIR, t, Map.of(speedClass, new Counts(up, down, packets(up), packets(down), 0)), true);
            if (beam != null && !beam.isEmpty()) {
                Map<String, Counts> b = new TreeMap<>();
                final int idx = i;
                beam.forEach((k, v) -> b.put(k, new Counts(0, 0, 0, 0, v / n + (idx < v % n ? 1 : 0))));
                store(sim, BEAM, t, b, true);
            }
        }
        trafficRecorded(sim, upload + download);
        return n;
    }

    /**
     * A message a device sent through the Unified Endpoint (the device pipeline): its bytes as Air traffic of the SIM's
     * speed class in the current 5-minute bucket, and one count per service step that took it, by stats kind
     * ({@link #HARVEST}, {@link #BEAM}, {@link #FUNNEL}, {@link #FUNK}) and key.
     */
    @Transactional
    public void recordDeviceMessage(String operatorId, String simId, String imsi, String speedClass, long uploadBytes,
            long downloadBytes, Map<String, String> serviceKeys) {
        SimRef sim = new SimRef(operatorId, simId, imsi);
        long t = Math.floorDiv(clock.nowSeconds(), FIVE_MINUTES) * FIVE_MINUTES;
        String speed = speedClass == null || !SPEED_CLASSES.contains(speedClass) ? "s1.standard" : speedClass;
        store(sim, AIR, t, Map.of(speed, new Counts(uploadBytes, downloadBytes, packets(uploadBytes),
                packets(downloadBytes), 0)), true);
        serviceKeys.forEach((kind, key) -> store(sim, kind, t, Map.of(key, new Counts(0, 0, 0, 0, 1)), true));
        trafficRecorded(sim, uploadBytes + downloadBytes);
    }

    static long packets(long bytes) {
        return (bytes + 1499) / 1500;
    }

    /** Validates from/to/period against the MockClock and answers the bucket sums. */
    List<Bucket> read(String kind, String column, String value, String operatorId, Long from, Long to, String period) {
        if (from == null || to == null || period == null) {
            throw new ApiException(ErrorCode.STATS_INVALID_RANGE, "from, to and period are required");
        }
        long f = seconds(from);
        long t = seconds(to);
        if (f > t) {
            throw new ApiException(ErrorCode.STATS_INVALID_RANGE, "from must not be after to");
        }
        long now = clock.nowSeconds();
        switch (period) {
            case "minutes" -> {
                if (f < now - MINUTES_WINDOW) {
                    throw new ApiException(ErrorCode.STATS_INVALID_RANGE, "period=minutes is limited to the last 32 days");
                }
            }
            case "month" -> {
                YearMonth oldest = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).minusMonths(MONTH_WINDOW);
                if (f < oldest.atDay(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond()) {
                    throw new ApiException(ErrorCode.STATS_INVALID_RANGE, "period=month is limited to the last 18 months");
                }
            }
            case "day" -> {
            }
            default -> throw new ApiException(ErrorCode.STATS_INVALID_RANGE, "period must be month, day or minutes");
        }
        long lo = bucketStart(f, period);
        long hi = bucketEnd(t, period);
        String sql = "select unixtime, stat_key, upload_bytes, download_bytes, upload_packets, download_packets, beam_count"
                + " from stats_insert st where st.operator_id = ? and st.kind = ? and st.unixtime >= ? and st.unixtime < ?"
                + " and st.stat_key <> ''"
                + switch (column) {
                    case "imsi" -> " and st.imsi = ?";
                    case "sim" -> " and st.sim_id = ?";
                    case "group" -> " and st.sim_id in (select sim_id from sim where group_id = ?)";
                    default -> " and cast(? as varchar(64)) is not null"; // typed: PostgreSQL cannot infer a bare ?
                } + " order by unixtime";
        TreeMap<Long, Map<String, Counts>> sums = new TreeMap<>();
        jdbc.query(sql, rs -> {
            long b = bucketStart(rs.getLong(1), period);
            Map<String, Counts> m = sums.computeIfAbsent(b, k -> new TreeMap<>());
            Counts c = new Counts(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7));
            m.merge(rs.getString(2), c, (a, x) -> new Counts(a.uploadBytes() + x.uploadBytes(),
                    a.downloadBytes() + x.downloadBytes(), a.uploadPackets() + x.uploadPackets(),
                    a.downloadPackets() + x.downloadPackets(), a.beamCount() + x.beamCount()));
        }, operatorId, kind, lo, hi, value);
        List<Bucket> out = new ArrayList<>();
        sums.forEach((b, m) -> out.add(new Bucket(b, date(b, period), m)));
        return out;
    }

    static long bucketStart(long t, String period) {
        ZonedDateTime z = Instant.ofEpochSecond(t).atZone(ZoneOffset.UTC);
        return switch (period) {
            case "month" -> z.toLocalDate().withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            case "day" -> z.toLocalDate().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            default -> Math.floorDiv(t, FIVE_MINUTES) * FIVE_MINUTES;
        };
    }

    static long bucketEnd(long t, String period) {
        long s = bucketStart(t, period);
        return switch (period) {
            case "month" -> {
                LocalDate d = Instant.ofEpochSecond(s).atZone(ZoneOffset.UTC).toLocalDate();
                yield d.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            }
            case "day" -> s + 86400;
            default -> s + FIVE_MINUTES;
        };
    }

    static String date(long t, String period) {
        String pattern = switch (period) {
            case "month" -> "yyyyMM";
            case "day" -> "yyyyMMdd";
            default -> "yyyyMMddHHmm";
        };
        return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(Instant.ofEpochSecond(t));
    }

    /** Rows for a CSV export of the operator (air or beam), per IMSI and bucket. */
    String csv(String operatorId, String kind, Long from, Long to, String period) {
        String p = period == null ? "month" : period;
        long now = clock.nowSeconds();
        long f = from == null ? now - 30L * 86400 : seconds(from);
        long t = to == null ? now : seconds(to);
        if (f > t) {
            throw new ApiException(ErrorCode.STATS_INVALID_RANGE, "from must not be after to");
        }
        if (kind == null) {
            return Csv.write(List.of("date", "unixtime", "imsi"), rows -> { });
        }
        List<String> header = AIR.equals(kind)
                ? List.of("date", "unixtime", "imsi", "speedClass", "uploadByteSizeTotal", "downloadByteSizeTotal",
                        "uploadPacketSizeTotal", "downloadPacketSizeTotal")
                : List.of("date", "unixtime", "imsi", "type", "count");
        TreeMap<String, TreeMap<Long, Map<String, Counts>>> byImsi = new TreeMap<>();
        jdbc.query("select imsi, unixtime, stat_key, upload_bytes, download_bytes, upload_packets, download_packets,"
                + " beam_count from stats_insert where operator_id = ? and kind = ? and unixtime >= ? and unixtime < ?"
                + " and stat_key <> ''", rs -> {
                    long b = bucketStart(rs.getLong(2), p);
                    Map<String, Counts> m = byImsi.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                            .computeIfAbsent(b, k -> new TreeMap<>());
                    Counts c = new Counts(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8));
                    m.merge(rs.getString(3), c, (a, x) -> new Counts(a.uploadBytes() + x.uploadBytes(),
                            a.downloadBytes() + x.downloadBytes(), a.uploadPackets() + x.uploadPackets(),
                            a.downloadPackets() + x.downloadPackets(), a.beamCount() + x.beamCount()));
                }, operatorId, kind, bucketStart(f, p), bucketEnd(t, p));
        return Csv.write(header, rows -> byImsi.forEach((imsi, buckets) -> buckets.forEach((b, m) -> m.forEach((k, c) ->
                rows.add(AIR.equals(kind)
                        ? List.of(date(b, p), b, imsi, k, c.uploadBytes(), c.downloadBytes(), c.uploadPackets(),
                                c.downloadPackets())
                        : List.of(date(b, p), b, imsi, k, c.beamCount()))))));
    }

    /** One stored row of a SIM's traffic: Air bytes (upload + download) per speed class, or Beam requests per type. */
    public record Usage(String simId, long unixtime, String kind, String key, long bytes, long count) {
    }

    /**
     * Every Air, Beam, Harvest, Funnel and Funk row of the operator with {@code fromSeconds <= unixtime < toSeconds}
     * (billing).
     */
    public List<Usage> usage(String operatorId, long fromSeconds, long toSeconds) {
        return jdbc.query("select sim_id, unixtime, kind, stat_key, upload_bytes + download_bytes, beam_count"
                + " from stats_insert where operator_id = ? and unixtime >= ? and unixtime < ? and stat_key <> ''"
                + " and kind in ('air', 'beam', 'harvest', 'funnel', 'funk') order by sim_id, unixtime", (rs, i) -> new Usage(rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getLong(6)), operatorId, fromSeconds, toSeconds);
    }
}
