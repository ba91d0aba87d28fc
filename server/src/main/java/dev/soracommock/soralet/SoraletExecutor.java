package dev.soracommock.soralet;

import com.dylibso.chicory.wasm.WasmModule;
import dev.soracommock.clock.MockClock;
import dev.soracommock.config.MockProperties;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Runs a soralet version — the one entry point for {@code testSoralet} and for the device data pipeline (Orbit in a
 * group's {@code SoracomOrbit} configuration). Each run gets a fresh instance of the module, on a bounded pool of
 * threads, within {@code soracom-mock.soralet.timeout} and {@code soracom-mock.soralet.memory}: a module that traps,
 * runs too long or grows its memory past the limit ends the run with {@link Result#error()} set, never with an
 * exception. What the run logged ({@code orbit_log}, WASI stdout/stderr, the failure) is kept as one soralet log; tags it
 * set or deleted on its source SIM are applied once it ends without failing.
 */
@Service
public class SoraletExecutor {

    /** The sender: {@code resourceType}/{@code resourceId} as Orbit's input names it, and what is known of the SIM. */
    public record Source(String resourceType, String resourceId, String simId, String imsi, String imei, String iccid,
            String msisdn, String ipAddress) {

        /** A SIM's subscriber (IMSI) as the sender; the other values are looked up. */
        public static Source subscriber(String imsi) {
            return new Source("Subscriber", imsi, null, imsi, null, null, null, null);
        }
    }

    /**
     * What a run is given besides the payload: the device's location ({@code null}: none), the time of receipt
     * ({@code null}: now on the emulator's clock), the sender's tags ({@code null}: the SIM's own), and the device's
     * original request ({@code null}: the payload).
     */
    public record Extras(Double lat, Double lon, Long timestamp, Map<String, String> tags, byte[] originalRequest) {
        public static final Extras NONE = new Extras(null, null, null, null, null);
    }

    /**
     * The outcome. {@code output} is what the module set with {@code orbit_set_output} ({@code null}: nothing), its
     * {@code contentType} what it set with {@code orbit_set_output_content_type} ({@code null}: nothing);
     * {@code resultCode} its entry point's return value; {@code error} why the run failed ({@code null} when it
     * did not: a trap, the time or memory limit, a missing export, a non-zero {@code proc_exit}).
     */
    public record Result(long version, byte[] output, String contentType, int resultCode, List<String> logs,
            String error) {
    }

    private final SoraletService soralets;
    private final ModuleCache modules;
    private final ObjectProvider<SoraletSims> sims;
    private final MockClock clock;
    private final MockProperties.Soralet limits;
    private final ThreadPoolExecutor pool;
    private final org.springframework.context.ApplicationEventPublisher events;

    SoraletExecutor(SoraletService soralets, ModuleCache modules, ObjectProvider<SoraletSims> sims, MockClock clock,
            MockProperties properties, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.soralets = soralets;
        this.modules = modules;
        this.sims = sims;
        this.clock = clock;
        this.limits = properties.soralet() == null
                ? new MockProperties.Soralet(java.time.Duration.ofSeconds(2),
                        org.springframework.util.unit.DataSize.ofMegabytes(16), 2)
                : properties.soralet();
        int threads = Math.max(1, limits.concurrency());
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(threads * 4), r -> {
                    Thread t = new Thread(r, "soralet-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Runs {@code version} ({@code "$LATEST"} or a number) of the operator's soralet on {@code body}.
     *
     * @param direction   {@code uplink} or {@code downlink}: the export that is called
     * @param contentType the payload's type; the input buffer is the body as is (JSON is passed compacted)
     * @param userdata    the group's {@code SoracomOrbit} userdata, or the test request's ({@code null}: none)
     * @throws ApiException 404 when the soralet or the version does not exist, 429 SLM1017 when too many run at once
     */
    public Result execute(String operatorId, String soraletId, String version, String direction, byte[] body,
            String contentType, Source source, String userdata) {
        return execute(operatorId, soraletId, version, direction, body, contentType, source, userdata, Extras.NONE);
    }

    /** The same, with the location, time, tags or original request given ({@link Extras}). */
    public Result execute(String operatorId, String soraletId, String version, String direction, byte[] body,
            String contentType, Source source, String userdata, Extras extras) {
        SoraletStore.VersionRow v = soralets.resolve(operatorId, soraletId, version);
        WasmModule module = modules.get(new ModuleCache.Key(operatorId, soraletId, v.version(), v.hash()),
                () -> soralets.code(v));
        Source src = source == null ? new Source(null, null, null, null, null, null, null, null) : source;
        SoraletSims directory = sims.getIfAvailable();
        Optional<SoraletSims.SimInfo> sim = directory == null ? Optional.empty()
                : directory.find(operatorId, src.resourceType(), src.resourceId());
        Map<String, String> sourceValues = sourceValues(operatorId, src, sim.orElse(null));
        Map<String, String> tags = extras.tags() != null ? extras.tags()
                : sim.map(SoraletSims.SimInfo::tags).orElse(Map.of());
        byte[] payload = body == null ? new byte[0] : body;
        OrbitRun.Input input = new OrbitRun.Input(InputBuffer.of(payload, contentType),
                extras.originalRequest() != null ? extras.originalRequest() : payload, sourceValues, tags,
                extras.lat(), extras.lon(), extras.timestamp() != null ? extras.timestamp() : clock.nowMillis(),
                userdata);
        OrbitRun run = new OrbitRun(input, (int) Math.max(1, limits.memory().toBytes() / 65_536));

        Integer resultCode = null;
        String error = null;
        Future<Integer> future;
        try {
            future = pool.submit(() -> run.run(module, direction));
        } catch (RejectedExecutionException busy) {
            throw new ApiException(ErrorCode.SORALET_BUSY);
        }
        try {
            resultCode = future.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            error = "the execution took longer than " + limits.timeout().toMillis() + " ms and was stopped";
        } catch (ExecutionException e) {
            error = e.getCause() instanceof OrbitRun.Failure f ? f.getMessage()
                    : "the execution failed: " + e.getCause();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            error = "the execution was interrupted";
        }
        List<String> logs;
        synchronized (run.logs) {
            logs = new java.util.ArrayList<>(run.logs);
        }
        if (error != null) {
            logs.add("error: " + error);
        } else if (sim.isPresent() && directory != null && (!run.tagsSet.isEmpty() || !run.tagsDeleted.isEmpty())) {
            directory.changeTags(operatorId, sim.get().simId(), run.tagsSet, run.tagsDeleted);
        }
        soralets.log(operatorId, soraletId, v.version(), logs);
        if (error != null) {
            logFailure(operatorId, soraletId, v.version(), direction, src, sim.orElse(null), error);
        }
        return error == null
                ? new Result(v.version(), run.output, run.outputContentType, resultCode, List.copyOf(logs), null)
                : new Result(v.version(), null, null, -1, List.copyOf(logs), error);
    }

    /**
     * A failed run in the operator's error log (service Orbit): of the sender's Subscriber when the sender is one of
     * the operator's SIMs, of the sender as named otherwise.
     */
    private void logFailure(String operatorId, String soraletId, long version, String direction, Source src,
            SoraletSims.SimInfo sim, String error) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("message", "The soralet " + soraletId + " (version " + version + ", " + direction + ") failed: " + error);
        body.put("soraletId", soraletId);
        body.put("version", version);
        body.put("direction", direction);
        String resourceType = sim != null ? "Subscriber" : src.resourceType();
        String resourceId = sim != null ? sim.imsi() : src.resourceId();
        events.publishEvent(new dev.soracommock.kernel.OperatorLogEntry(operatorId, resourceType, resourceId, "Orbit",
                "error", body, clock.nowMillis()));
    }

    private static Map<String, String> sourceValues(String operatorId, Source s, SoraletSims.SimInfo sim) {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "resourceType", s.resourceType());
        put(values, "resourceId", s.resourceId());
        put(values, "operatorId", operatorId);
        put(values, "simId", first(s.simId(), sim == null ? null : sim.simId()));
        put(values, "imsi", first(s.imsi(), sim == null ? null : sim.imsi()));
        put(values, "imei", first(s.imei(), sim == null ? null : sim.imei()));
        put(values, "iccid", first(s.iccid(), sim == null ? null : sim.iccid()));
        put(values, "msisdn", first(s.msisdn(), sim == null ? null : sim.msisdn()));
        put(values, "ipAddress", first(s.ipAddress(), sim == null ? null : sim.ipAddress()));
        return values;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
