package dev.soracommock.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.parser.util.DeserializationUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The contracts' build-time JSON form: the build ({@code process-classes}, see server/pom.xml) runs {@link #main} over
 * the contracts copied into the classes directory and writes, next to each {@code <name>.yaml}, a {@code <name>.json}
 * holding the same document. {@link ContractDocuments} parses that form: the parser reads JSON with Jackson instead of
 * snakeyaml, a third less CPU at start-up and ~25 MB less peak memory (docs/adr/0003). The tree written is the one the
 * parser itself makes of the YAML ({@link DeserializationUtils#deserializeIntoTree}), and the build fails unless
 * reading the JSON back gives the same tree, so both forms parse to the same contract. The YAML stays what clients are
 * served.
 */
public final class ContractJsonForm {

    private ContractJsonForm() {
    }

    /** The JSON form's file name of a contract file ({@code soracom-api.yaml} → {@code soracom-api.json}). */
    static String fileName(String yamlFileName) {
        return yamlFileName.replaceFirst("\\.ya?ml$", "") + ".json";
    }

    /** The JSON text of a YAML contract: the parser's own tree of it. Fails if the JSON would read back differently. */
    static String toJson(String yaml, String location) throws IOException {
        JsonNode tree = DeserializationUtils.deserializeIntoTree(yaml, location);
        String json = Json.mapper().writeValueAsString(tree);
        if (!tree.equals(DeserializationUtils.deserializeIntoTree(json, fileName(location)))) {
            throw new IllegalStateException(location + ": its JSON form does not read back as the same document");
        }
        return json;
    }

    /** {@code ContractJsonForm <directory>}: writes the JSON form of every {@code *.yaml} in the directory. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ContractJsonForm <directory of contracts>");
        }
        Path dir = Path.of(args[0]);
        List<Path> contracts;
        try (Stream<Path> files = Files.list(dir)) {
            contracts = files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        if (contracts.isEmpty()) {
            throw new IllegalStateException("no contracts in " + dir.toAbsolutePath());
        }
        for (Path yaml : contracts) {
            String name = yaml.getFileName().toString();
            Files.writeString(dir.resolve(fileName(name)), toJson(Files.readString(yaml, StandardCharsets.UTF_8), name),
                    StandardCharsets.UTF_8);
        }
    }
}
