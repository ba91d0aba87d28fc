package dev.soracommock.state;

import dev.soracommock.api.mock.model.StateDocumentDto;
import dev.soracommock.lifecycle.BeforeServing;
import dev.soracommock.config.MockProperties;
import dev.soracommock.kernel.ApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code SORACOM_MOCK_SEED_DIR}: at start-up, before the server accepts connections and before the default operator
 * is created, every {@code *.json} state document of the directory is loaded in file-name order, its rows added to
 * the state ({@link StateTransfer#add}), all files in one transaction. Only when the emulator holds no state beyond
 * the default operator's login, so a persistent database is not seeded twice. A file that is not a valid state
 * document stops the start-up with a message naming it.
 */
@Component
class SeedLoader extends BeforeServing {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private final MockProperties properties;
    private final StateTransfer transfer;
    private final StateSchema schema;
    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json;

    SeedLoader(MockProperties properties, StateTransfer transfer, StateSchema schema, NamedParameterJdbcTemplate jdbc,
            JsonMapper json) {
        this.properties = properties;
        this.transfer = transfer;
        this.schema = schema;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Before the default operator (operator/DefaultOperator, step 2). */
    @Override
    protected int step() {
        return 1;
    }

    @Override
    protected void prepare() {
        String dir = properties.seedDir();
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path path = Path.of(dir);
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("SORACOM_MOCK_SEED_DIR=" + dir + " is not a directory");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(path)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new IllegalStateException("SORACOM_MOCK_SEED_DIR=" + dir + " cannot be read: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            log.info("seed directory {} holds no *.json file", path);
            return;
        }
        if (!pristine()) {
            log.info("seed directory {} not loaded: the emulator holds state already", path);
            return;
        }
        Map<String, StateDocumentDto> docs = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                docs.put(file.toString(), json.readValue(file.toFile(), StateDocumentDto.class));
            } catch (JacksonException e) {
                throw new IllegalStateException("seed file " + file + " is not a state document: " + e.getOriginalMessage(), e);
            }
        }
        StateTransfer.Result r;
        try {
            r = transfer.add(docs);
        } catch (ApiException e) {
            throw new IllegalStateException("seed file " + e.args()[0], e);
        }
        log.info("seeded from {}: {} file(s), {} rows in {} tables ({} already present)", path, files.size(), r.rows(),
                r.tables(), r.skipped());
    }

    /** Nothing but the default operator's row and login (and the signing key) is there. */
    boolean pristine() {
        String op = properties.defaultOperator().operatorId();
        for (StateSchema.Table t : schema.get().tables().values()) {
            String sql = "select count(*) from " + t.quoted() + " t0";
            if (t.name().equals("server_secret")) {
                continue;
            } else if (t.name().equals(OperatorScope.OPERATOR)) {
                sql += " where t0." + t.quoted(OperatorScope.OPERATOR_ID) + " <> :op";
            } else if (OperatorScope.CREDENTIALS.contains(t.name()) && t.has(OperatorScope.OPERATOR_ID)
                    && t.has(OperatorScope.USER_NAME)) {
                sql += " where not (t0." + t.quoted(OperatorScope.OPERATOR_ID) + " = :op and t0."
                        + t.quoted(OperatorScope.USER_NAME) + " is null)";
            }
            Long n = jdbc.queryForObject(sql, Map.of("op", op), Long.class);
            if (n != null && n > 0) {
                return false;
            }
        }
        return true;
    }
}
