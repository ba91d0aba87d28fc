package dev.soracommock.coverage;

import dev.soracommock.contract.Contract;
import dev.soracommock.kernel.OperationSpec;
import dev.soracommock.contract.Operations;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Implementation coverage, computed (as moto computes it) from the contracts and the code: an operation is stateful
 * when a domain's delegate implementation overrides its generated method; everything else is answered by the
 * fallback. Notes come from {@link Limitation} and {@link LeftToFallback}. Rendered as JSON by
 * {@code GET /_mock/coverage} and as docs/IMPLEMENTATION_COVERAGE.md (kept fresh by a test).
 */
@Component
public class CoverageReport {

    public enum State { STATEFUL, FALLBACK }

    public record Row(String contract, String tag, String operationId, String method, String path, String cliCommand,
            State state, String note) {
    }

    public record Summary(int operations, int stateful, int fallback, List<Row> rows) {
    }

    private static final String BASE_PACKAGE = "dev.soracommock";

    private final Operations operations;
    private volatile Summary cached;

    public CoverageReport(Operations operations) {
        this.operations = operations;
    }

    public Summary summary() {
        Summary s = cached;
        if (s == null) {
            s = compute();
            cached = s;
        }
        return s;
    }

    private Summary compute() {
        Map<String, Method> implemented = new HashMap<>();
        Map<String, String> notes = new HashMap<>();
        for (Class<?> impl : delegateImplementations()) {
            for (Class<?> iface : ClassUtils.getAllInterfacesForClassAsSet(impl)) {
                if (!iface.getSimpleName().endsWith("ApiDelegate")) {
                    continue;
                }
                for (Method m : iface.getMethods()) {
                    try {
                        Method declared = impl.getDeclaredMethod(m.getName(), m.getParameterTypes());
                        implemented.put(m.getName(), declared);
                        Limitation l = declared.getAnnotation(Limitation.class);
                        if (l != null) {
                            notes.put(m.getName(), l.value());
                        }
                    } catch (NoSuchMethodException notOverridden) {
                        // left to the fallback
                    }
                }
            }
            for (LeftToFallback left : impl.getAnnotationsByType(LeftToFallback.class)) {
                for (String op : left.operations()) {
                    notes.put(op, left.reason());
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Operations.Entry e : operations.all()) {
            if (!e.contract().emulated()) {
                continue;
            }
            OperationSpec op = e.spec();
            boolean stateful = implemented.containsKey(op.operationId()) && !op.operationId().equals("getRequest");
            rows.add(new Row(e.contract().name().toLowerCase(), op.tag(), op.operationId(), op.method(),
                    e.contract().basePath() + op.path(), op.cliCommand(), stateful ? State.STATEFUL : State.FALLBACK,
                    notes.getOrDefault(op.operationId(), "")));
        }
        rows.sort(Comparator.comparing(Row::contract).thenComparing(Row::tag).thenComparing(Row::operationId));
        int stateful = (int) rows.stream().filter(r -> r.state() == State.STATEFUL).count();
        return new Summary(rows.size(), stateful, rows.size() - stateful, List.copyOf(rows));
    }

    private static List<Class<?>> delegateImplementations() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        scanner.addIncludeFilter((reader, factory) -> {
            for (String name : reader.getClassMetadata().getInterfaceNames()) {
                if (name.endsWith("ApiDelegate")) {
                    return true;
                }
            }
            return false;
        });
        List<Class<?>> found = new ArrayList<>();
        for (BeanDefinition bd : scanner.findCandidateComponents(BASE_PACKAGE)) {
            String name = bd.getBeanClassName();
            if (name != null && !name.startsWith(BASE_PACKAGE + ".api.")) {
                found.add(ClassUtils.resolveClassName(name, CoverageReport.class.getClassLoader()));
            }
        }
        return found;
    }

    /** docs/IMPLEMENTATION_COVERAGE.md. */
    public String markdown() {
        Summary s = summary();
        StringBuilder b = new StringBuilder();
        b.append("# Implementation coverage\n\n");
        b.append("GENERATED from the contracts and the code (`CoverageReport`); do not edit. Regenerate with\n");
        b.append("`./mvnw -B test -Dtest=ImplementationCoverageTest -Dcoverage.write=true`. The server serves the same data\n");
        b.append("as JSON at `GET /_mock/coverage`.\n\n");
        b.append("**stateful**: a domain implements the operation with state and rules. **fallback**: the operation answers its\n");
        b.append("documented success status with a contract-valid body (the contract's example, or one synthesised from its\n");
        b.append("schema) and the header `X-Soracom-Mock-Fallback: <operationId>`; with `SORACOM_MOCK_STRICT=true` it answers\n");
        b.append("501 `MCK0001` instead.\n\n");
        b.append("A choice for every operation where the real behaviour is unknown: the NUL character (U+0000) in a\n");
        b.append("query parameter or in a text of a JSON body is refused, 400 `COM0008` naming where it is, on H2 and PostgreSQL\n");
        b.append("alike (PostgreSQL cannot store it).\n\n");
        b.append("The request step's leniency policy (`web/RequestLeniency`, DEVELOPERS.md \"Request leniency\") applies to\n");
        b.append("every operation of the Soracom API and the API Sandbox, stateful or not; its choices where the real\n");
        b.append("behaviour is unknown: `null` for an optional field is taken as absent; an `operatorId` query parameter\n");
        b.append("that is not the caller's is 400 `AUM0016`; a `limit` below 1 is 400 `COM0008` (the real API answers\n");
        b.append("`limit=-1` with a 500); `encodingType: base64` of testSoralet is `binary`; testSoralet's `source` is one\n");
        b.append("flat `{resourceType, resourceId}`, as every client sends it (the contract's map of them is refused); the\n");
        b.append("root of Harvest Files (`GET /v1/files/private//`) reaches listFiles with the path `/`.\n\n");
        b.append(String.format("%d operations: %d stateful, %d fallback.%n%n", s.operations(), s.stateful(), s.fallback()));
        Map<String, List<Row>> byTag = new LinkedHashMap<>();
        for (Row r : s.rows()) {
            byTag.computeIfAbsent(r.contract() + " — " + r.tag(), k -> new ArrayList<>()).add(r);
        }
        b.append("| contract — tag | stateful | fallback |\n|---|---:|---:|\n");
        byTag.forEach((tag, rows) -> {
            long st = rows.stream().filter(r -> r.state() == State.STATEFUL).count();
            b.append("| ").append(tag).append(" | ").append(st).append(" | ").append(rows.size() - st).append(" |\n");
        });
        for (Map.Entry<String, List<Row>> e : byTag.entrySet()) {
            b.append("\n## ").append(e.getKey()).append("\n\n");
            b.append("| operationId | method and path | soracom-cli | state | notes |\n|---|---|---|---|---|\n");
            for (Row r : e.getValue()) {
                b.append("| `").append(r.operationId()).append("` | `").append(r.method()).append(' ').append(r.path())
                        .append("` | ").append(r.cliCommand().isEmpty() ? "—" : "`" + r.cliCommand() + "`")
                        .append(" | ").append(r.state().name().toLowerCase())
                        .append(" | ").append(r.note().replace("|", "\\|").replace("\n", " ")).append(" |\n");
            }
        }
        return b.toString();
    }

    /** The contracts this report covers (for the header of the JSON answer). */
    public static List<String> contracts() {
        List<String> out = new ArrayList<>();
        for (Contract c : Contract.EMULATED) {
            out.add(c.fileName() + " " + c.version());
        }
        return out;
    }
}
