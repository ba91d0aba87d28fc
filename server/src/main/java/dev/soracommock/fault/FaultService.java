package dev.soracommock.fault;

import dev.soracommock.kernel.EmulatorReset;
import dev.soracommock.api.mock.model.FaultDto;
import dev.soracommock.clock.MockClock;
import dev.soracommock.contract.Operations;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.Language;
import dev.soracommock.kernel.RateLimitPolicy;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The injected faults (in memory, oldest first) and their application to a request of an emulated API. A request
 * that several faults match gets the delay of every latency fault that hits, then the first error or throttle
 * fault that hits. Faults never apply to the control API ({@code /_mock/**}): a user cannot lock themselves out.
 */
@Service
public class FaultService {

    /** Request attribute: the ids of the faults applied to the request, comma-separated (the journal reads it). */
    public static final String APPLIED = FaultService.class.getName() + ".applied";

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private final Operations operations;
    private final MockClock clock;
    private final RateLimitPolicy rateLimits;
    private final Map<String, Fault> faults = new LinkedHashMap<>();
    private final Set<String> tags;
    private final Set<String> cliCommands;
    private long sequence;
    private volatile boolean empty = true;

    FaultService(Operations operations, MockClock clock, RateLimitPolicy rateLimits) {
        this.operations = operations;
        this.clock = clock;
        this.rateLimits = rateLimits;
        this.tags = emulated().stream().map(e -> e.spec().tag().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.cliCommands = emulated().stream().flatMap(e -> e.spec().cliCommands().stream())
                .map(FaultService::normalizeCli).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private List<Operations.Entry> emulated() {
        return operations.all().stream().filter(e -> e.contract().emulated()).toList();
    }

    /** A soracom-cli command as compared: lower case, single spaces, without the leading {@code soracom}. */
    static String normalizeCli(String cli) {
        String s = cli.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return s.startsWith("soracom ") ? s.substring("soracom ".length()) : s;
    }

    /** Validates and adds a fault; a refused one changes nothing. */
    public FaultDto add(FaultDto body) {
        Fault fault = validate(body);
        synchronized (this) {
            Fault stored = new Fault(String.format("flt-%06d", ++sequence), fault.operationId, fault.tag, fault.path,
                    fault.method, fault.cli, fault.type, fault.latencyMs, fault.status, fault.code, fault.message,
                    fault.probability, fault.seed, fault.times, clock.nowMillis());
            faults.put(stored.id, stored);
            empty = false;
            return dto(stored);
        }
    }

    public synchronized List<FaultDto> list() {
        return faults.values().stream().map(FaultService::dto).toList();
    }

    /** Removes one fault; false when there is none of that id. */
    public synchronized boolean delete(String id) {
        boolean removed = faults.remove(id) != null;
        empty = faults.isEmpty();
        return removed;
    }

    public synchronized void clear() {
        faults.clear();
        empty = true;
    }

    @EventListener
    void onReset(EmulatorReset reset) {
        synchronized (this) {
            clear();
            sequence = 0;
        }
    }

    /**
     * Applies the faults that match the request and hit: delays it, then throws the injected error or 429. Records
     * the applied faults in the request attribute {@link #APPLIED}.
     */
    void apply(Operations.Entry operation, HttpServletRequest request) {
        if (empty || !operation.contract().emulated()) {
            return;
        }
        List<String> applied = new ArrayList<>();
        long latency = 0;
        Fault terminal = null;
        synchronized (this) {
            for (var it = faults.values().iterator(); it.hasNext();) {
                Fault f = it.next();
                if (!f.matches(operation, request) || !f.draw()) {
                    continue;
                }
                f.hits++;
                applied.add(f.id);
                if (f.times != null && f.hits >= f.times) {
                    it.remove();
                }
                if (f.type == Fault.Type.LATENCY) {
                    latency += f.latencyMs;
                } else {
                    terminal = f;
                    break;
                }
            }
            empty = faults.isEmpty();
        }
        if (applied.isEmpty()) {
            return;
        }
        request.setAttribute(APPLIED, String.join(",", applied));
        if (latency > 0) {
            sleep(latency);
        }
        if (terminal != null) {
            throw terminal.type == Fault.Type.THROTTLE ? rateLimits.throttled(operation.spec(), request)
                    : error(terminal, request);
        }
    }

    private static ApiException error(Fault f, HttpServletRequest request) {
        String code = f.code != null ? f.code : ErrorCode.INJECTED_FAULT.code();
        String message = f.message != null ? f.message : ErrorCode.INJECTED_FAULT.message(Language.of(request), f.id);
        return ApiException.custom(f.status, code, message, Map.of());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Fault validate(FaultDto b) {
        List<String> problems = new ArrayList<>();
        String operationId = blankToNull(b.getOperationId());
        String tag = blankToNull(b.getTag());
        String path = blankToNull(b.getPath());
        String method = blankToNull(b.getMethod());
        String cli = blankToNull(b.getCli());
        if (operationId == null && tag == null && path == null && method == null && cli == null) {
            problems.add("at least one of operationId, tag, path, method, cli is required");
        }
        if (operationId != null && operations.byId(operationId).filter(e -> e.contract().emulated()).isEmpty()) {
            problems.add("operationId " + operationId + " is not an operation of the emulated APIs");
        }
        if (tag != null && !tags.contains(tag.toLowerCase(Locale.ROOT))) {
            problems.add("tag " + tag + " is not a tag of the emulated APIs");
        }
        if (method != null) {
            method = method.toUpperCase(Locale.ROOT);
            if (!METHODS.contains(method)) {
                problems.add("method " + method + " is not an HTTP method");
            }
        }
        if (cli != null) {
            cli = normalizeCli(cli);
            if (!cliCommands.contains(cli)) {
                problems.add("cli " + cli + " is not a soracom-cli command of the emulated APIs");
            }
        }
        if (path != null && !Fault.validPattern(path)) {
            problems.add("path must be a pattern of the emulated APIs' paths (starting with /, not /_mock)");
        }
        Fault.Type type = b.getType() == null ? null : Fault.Type.valueOf(b.getType().name());
        if (type == null) {
            problems.add("type is required (latency, error, throttle)");
        } else if (type == Fault.Type.LATENCY && (b.getLatencyMs() == null || b.getLatencyMs() < 0 || b.getLatencyMs() > 60000)) {
            problems.add("a latency fault needs latencyMs between 0 and 60000");
        } else if (type == Fault.Type.ERROR && (b.getStatus() == null || b.getStatus() < 400 || b.getStatus() > 599)) {
            problems.add("an error fault needs a 4xx or 5xx status");
        }
        BigDecimal p = b.getProbability();
        double probability = p == null ? 1 : p.doubleValue();
        if (probability < 0 || probability > 1) {
            problems.add("probability must be between 0 and 1");
        }
        if (b.getTimes() != null && b.getTimes() < 1) {
            problems.add("times must be at least 1");
        }
        if (problems.isEmpty() && path == null) {
            Fault probe = new Fault("", operationId, tag, null, method, cli, type, null, null, null, null, 1, null, null, 0);
            if (emulated().stream().noneMatch(e -> probe.matches(e, null))) {
                problems.add("no operation of the emulated APIs matches all of the criteria");
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "fault: " + String.join("; ", problems));
        }
        return new Fault("", operationId, tag, path, method, cli, type,
                type == Fault.Type.LATENCY ? b.getLatencyMs() : null,
                type == Fault.Type.ERROR ? b.getStatus() : null,
                type == Fault.Type.ERROR ? blankToNull(b.getCode()) : null,
                type == Fault.Type.ERROR ? blankToNull(b.getMessage()) : null,
                probability, b.getSeed(), b.getTimes(), 0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static FaultDto dto(Fault f) {
        return new FaultDto().id(f.id).operationId(f.operationId).tag(f.tag).path(f.path).method(f.method).cli(f.cli)
                .type(FaultDto.TypeEnum.valueOf(f.type.name())).latencyMs(f.latencyMs).status(f.status).code(f.code)
                .message(f.message).probability(BigDecimal.valueOf(f.probability)).seed(f.seed).times(f.times)
                .hits(f.hits).createdAt(f.createdAt);
    }
}
