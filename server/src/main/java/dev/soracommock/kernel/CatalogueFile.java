package dev.soracommock.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A data file of the project under {@code src/main/resources/catalogue/} (products, prices, eSIM plans), parsed on first
 * use and kept: nothing is parsed at start-up (ADR 0003).
 *
 * @param <T> what the file is parsed into
 */
public final class CatalogueFile<T> {

    private final String resource;
    private final JsonMapper json;
    private final Function<JsonNode, T> parser;
    private volatile T value;

    public CatalogueFile(String resource, JsonMapper json, Function<JsonNode, T> parser) {
        this.resource = resource;
        this.json = json;
        this.parser = parser;
    }

    /** The parsed file, parsed by the first caller. */
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                if (value == null) {
                    value = parse();
                }
                v = value;
            }
        }
        return v;
    }

    private T parse() {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return parser.apply(json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
