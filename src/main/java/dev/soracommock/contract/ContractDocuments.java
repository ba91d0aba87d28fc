package dev.soracommock.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The parsed contracts (for request validation and fallback bodies). Parsing the 600 KB Soracom contract takes
 * about a second, so it never happens on the start-up path: it starts in the background once the server is
 * ready, and the first request that needs a contract waits for it.
 */
@Component
public class ContractDocuments {

    private static final Logger log = LoggerFactory.getLogger(ContractDocuments.class);

    private final Map<Contract, CompletableFuture<OpenAPI>> documents = new EnumMap<>(Contract.class);

    public ContractDocuments() {
        for (Contract c : Contract.values()) {
            documents.put(c, new CompletableFuture<>());
        }
    }

    /** The contract's text as served to clients and read by the validator. */
    public static String text(Contract contract) {
        try {
            return new ClassPathResource("contracts/" + contract.fileName()).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void preload() {
        Thread t = new Thread(() -> {
            for (Contract c : Contract.values()) {
                openApi(c);
            }
        }, "contract-preload");
        t.setDaemon(true);
        t.start();
    }

    /** The fully resolved document ($refs inlined where the parser resolves them). Parsed once, on first use. */
    public OpenAPI openApi(Contract contract) {
        CompletableFuture<OpenAPI> f = documents.get(contract);
        synchronized (f) {
            if (!f.isDone()) {
                long t0 = System.nanoTime();
                ParseOptions options = new ParseOptions();
                options.setResolve(true);
                SwaggerParseResult result = new OpenAPIV3Parser().readContents(text(contract), null, options);
                if (result.getOpenAPI() == null) {
                    f.completeExceptionally(new IllegalStateException("cannot parse " + contract.fileName() + ": " + result.getMessages()));
                } else {
                    f.complete(result.getOpenAPI());
                }
                log.debug("parsed {} in {} ms", contract.fileName(), (System.nanoTime() - t0) / 1_000_000);
            }
        }
        return f.join();
    }
}
