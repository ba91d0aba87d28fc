package dev.soracommock.coverage;

import dev.soracommock.contract.Contract;
import dev.soracommock.contract.ContractDocuments;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The contracts as Swagger UI and users download them ({@code /openapi/<file>}, and the eSIM Commerce contract also at
 * {@code /esim-commerce/v1/openapi.yaml}): the project's contract files, with each operation of an emulated API given
 * a summary that says what it is here — its soracom-cli command ({@code x-soracom-cli}) and whether the emulator keeps
 * state for it or answers from the fallback (from {@link CoverageReport}); the coverage note, where there is one, is
 * its description.
 * The derived contracts carry no upstream prose; these summaries are the emulator's own. Built on first request and
 * kept (the control API's contract, written by hand with its own summaries, is served as it is).
 */
@RestController
class ServedContracts {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final CoverageReport coverage;
    private final Map<Contract, String> served = new EnumMap<>(Contract.class);

    ServedContracts(CoverageReport coverage) {
        this.coverage = coverage;
    }

    @GetMapping("/openapi/{file:.+\\.yaml}")
    ResponseEntity<String> file(@PathVariable String file) {
        return Arrays.stream(Contract.values()).filter(c -> c.fileName().equals(file)).findFirst()
                .map(c -> ResponseEntity.ok().contentType(YAML).body(text(c)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/esim-commerce/v1/openapi.yaml")
    ResponseEntity<String> esim() {
        return ResponseEntity.ok().contentType(YAML).body(text(Contract.ESIM));
    }

    synchronized String text(Contract contract) {
        return served.computeIfAbsent(contract, c -> c.emulated() ? summarized(c) : ContractDocuments.text(c));
    }

    private String summarized(Contract contract) {
        Map<String, CoverageReport.Row> rows = new HashMap<>();
        for (CoverageReport.Row r : coverage.summary().rows()) {
            rows.put(r.operationId(), r);
        }
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(64 * 1024 * 1024);
        Map<String, Object> doc = new Yaml(loader).load(ContractDocuments.text(contract));
        for (Object item : map(doc.get("paths")).values()) {
            for (Map.Entry<String, Object> e : map(item).entrySet()) {
                if (METHODS.contains(e.getKey()) && map(e.getValue()).get("operationId") instanceof String id
                        && rows.containsKey(id)) {
                    CoverageReport.Row row = rows.get(id);
                    map(e.getValue()).put("summary", summary(row));
                    if (!row.note().isEmpty()) {
                        map(e.getValue()).put("description", row.note());
                    }
                }
            }
        }
        DumperOptions dump = new DumperOptions();
        dump.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dump.setIndent(2);
        dump.setIndicatorIndent(0);
        dump.setWidth(120);
        dump.setSplitLines(false);
        dump.setAllowUnicode(true);
        StringWriter out = new StringWriter();
        new Yaml(dump).dump(doc, out);
        return out.toString();
    }

    /** {@code soracom subscribers list · stateful}, {@code soracom files get · fallback (example answer)}. */
    static String summary(CoverageReport.Row row) {
        String state = row.state() == CoverageReport.State.STATEFUL ? "stateful" : "fallback (example answer)";
        return row.cliCommand().isEmpty() ? state : row.cliCommand() + " · " + state;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> ? (Map<String, Object>) o : new LinkedHashMap<>();
    }
}
