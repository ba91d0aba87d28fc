package dev.soracommock.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.util.OpenApiLoader;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The parsed contracts (for request validation and fallback bodies), read from their build-time JSON form
 * ({@link ContractJsonForm}). Parsing the 600 KB Soracom contract takes about half a second, so it never happens
 * on the start-up path: {@link #parseInBackground()} starts it on a thread of
 * its own as the JVM starts (overlapping Spring's single-threaded start-up on a second core), and the first request
 * that needs a contract waits for it. The documents are classpath constants, hence shared by every context.
 */
@Component
public class ContractDocuments {

    private static final Logger log = LoggerFactory.getLogger(ContractDocuments.class);

    private static final Map<Contract, CompletableFuture<OpenAPI>> DOCUMENTS = new EnumMap<>(Contract.class);

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private static final Map<Contract, OpenAPI> AS_VALIDATOR_LOADS = new ConcurrentHashMap<>();

    static {
        for (Contract c : Contract.values()) {
            DOCUMENTS.put(c, new CompletableFuture<>());
        }
    }

    /**
     * The contracts parsed ahead of the first request; the eSIM Commerce contract is parsed when its API is first
     * called (~0.2 s, once): the parser turns its {@code format: date} examples into dates with a
     * {@code SimpleDateFormat} that reads the zone "UTC", and the JDK then loads the names and rules of every time zone
     * (~0.1 s of CPU and ~4 MB kept), work that start-up need not pay for an API most users never call.
     */
    static final List<Contract> PRELOADED = List.of(Contract.SORACOM, Contract.SANDBOX, Contract.MOCK);

    /** Starts parsing the {@link #PRELOADED} contracts on a background thread (called first thing in {@code main}). */
    public static void parseInBackground() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            for (Contract c : PRELOADED) {
                parse(c);
            }
        }, "contract-preload");
        t.setDaemon(true);
        t.start();
    }

    /** The contract's text (YAML) as served to clients. */
    public static String text(Contract contract) {
        return read(new ClassPathResource("contracts/" + contract.fileName()));
    }

    /**
     * The text the parser reads: the contract's build-time JSON form ({@link ContractJsonForm}) when the build made
     * one, else the YAML (a run from sources the build has not processed).
     */
    static String parseableText(Contract contract) {
        ClassPathResource json = new ClassPathResource("contracts/" + ContractJsonForm.fileName(contract.fileName()));
        return json.exists() ? read(json) : text(contract);
    }

    private static String read(ClassPathResource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** In a test or an embedding that did not go through {@code main}: parse once the context is ready. */
    @EventListener(ApplicationReadyEvent.class)
    void preload() {
        parseInBackground();
    }

    /** The fully resolved document ($refs inlined where the parser resolves them). Parsed once, on first use. */
    public OpenAPI openApi(Contract contract) {
        return parse(contract);
    }

    /**
     * The contract exactly as {@code OpenApiInteractionValidator.createForInlineApiSpecification(text)} loads it (its
     * own parse options, $refs resolved fully, and its adjustments for {@code oneOf}/{@code anyOf} and byte formats),
     * parsed once per JVM: the validators that check answers ({@code createFor(asValidatorLoads(c))}) share it instead
     * of parsing the contract again each. Nothing changes the document after loading; validators only read it.
     */
    public static OpenAPI asValidatorLoads(Contract contract) {
        return AS_VALIDATOR_LOADS.computeIfAbsent(contract, c -> {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            options.setResolveFully(true);
            options.setResolveCombinators(false);
            return new OpenApiLoader().loadApi(OpenApiInteractionValidator.SpecSource.inline(parseableText(c)), List.of(), options);
        });
    }

    private static OpenAPI parse(Contract contract) {
        CompletableFuture<OpenAPI> f = DOCUMENTS.get(contract);
        synchronized (f) {
            if (!f.isDone()) {
                long t0 = System.nanoTime();
                ParseOptions options = new ParseOptions();
                options.setResolve(true);
                SwaggerParseResult result = new OpenAPIV3Parser().readContents(parseableText(contract), null, options);
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
