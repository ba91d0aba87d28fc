package dev.soracommock.fallback;

import dev.soracommock.contract.Contract;
import dev.soracommock.contract.ContractDocuments;
import dev.soracommock.kernel.OperationSpec;
import dev.soracommock.contract.Operations;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.SentUri;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers operations that no domain implements, so that every operation of the contracts gets a well-formed
 * answer: the documented success status with a body that validates against the contract's response schema
 * (the contract's example when it validates, otherwise one synthesised from the schema). Each answer is computed
 * once per operation and then served from memory.
 *
 * <p>In strict mode ({@code SORACOM_MOCK_STRICT=true}) such operations fail with MCK0001 instead, for clients that
 * would rather learn that a call is only emulated in shape.
 */
@Component
public class FallbackResponder {

    /** Tells clients (and people reading traces) that the answer is a placeholder, and for which operation. */
    static final String FALLBACK_HEADER = "X-Soracom-Mock-Fallback";

    static final String JSON_CONTENT_TYPE = "application/json;charset=UTF-8";

    private static final Logger log = LoggerFactory.getLogger(FallbackResponder.class);

    private final Operations operations;
    private final ContractDocuments documents;
    private final JsonMapper json;
    private final boolean strict;
    private final ExampleValues values;
    private final ResponseValidation validation;
    private final Map<String, FallbackAnswer> answers = new ConcurrentHashMap<>();

    FallbackResponder(Operations operations, ContractDocuments documents, JsonMapper json,
            @Value("${soracom-mock.strict:false}") boolean strict) {
        this.operations = operations;
        this.documents = documents;
        this.json = json;
        this.strict = strict;
        this.values = new ExampleValues(json);
        this.validation = new ResponseValidation(documents);
    }

    /** Writes the whole answer for the operation, or throws MCK0001 in strict mode. */
    public void respond(String operationId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (strict) {
            throw new ApiException(ErrorCode.NOT_IMPLEMENTED_STRICT, operationId);
        }
        FallbackAnswer answer = answerFor(operationId);
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(answer.status());
        response.setHeader(FALLBACK_HEADER, operationId);
        if (answer.status() >= 300 && answer.status() < 400) {
            // The one operation that documents only a redirect, getFile, redirects to the listing of its directory.
            response.setHeader(HttpHeaders.LOCATION, SentUri.of(request) + "/");
        }
        if (answer.hasContent()) {
            response.setContentType(answer.contentType());
            response.setContentLength(answer.body().length);
            response.getOutputStream().write(answer.body());
        }
        response.flushBuffer();
    }

    /** The answer for the operation, computed on first use and cached. */
    FallbackAnswer answerFor(String operationId) {
        return answers.computeIfAbsent(operationId, this::compute);
    }

    private FallbackAnswer compute(String operationId) {
        Operations.Entry entry = operations.require(operationId);
        OperationSpec spec = entry.spec();
        int status = spec.successStatus();
        OpenAPI api = documents.openApi(entry.contract());
        ApiResponse documented = documentedResponse(api, spec, status);
        // A 204 never has content (RFC 9110 §15.3.5), even where the contract documents some (cancelOrder does).
        if (status == 204 || documented == null || documented.getContent() == null || documented.getContent().isEmpty()) {
            return new FallbackAnswer(status, null, null, FallbackAnswer.Source.NONE);
        }
        Map.Entry<String, MediaType> jsonMedia = documented.getContent().entrySet().stream()
                .filter(e -> isJson(e.getKey()))
                .findFirst()
                .orElse(null);
        if (jsonMedia == null) {
            String mediaType = documented.getContent().keySet().iterator().next();
            return new FallbackAnswer(status, mediaType, minimalBody(mediaType), FallbackAnswer.Source.NON_JSON);
        }
        return jsonAnswer(entry.contract(), spec, status, api.getComponents(), jsonMedia.getValue());
    }

    private FallbackAnswer jsonAnswer(Contract contract, OperationSpec spec, int status, Components components,
            MediaType media) {
        List<JsonNode> examples = examples(media, components);
        for (JsonNode example : examples) {
            String text = json.writeValueAsString(example);
            if (validation.responseErrors(contract, spec, status, text).isEmpty()) {
                return new FallbackAnswer(status, JSON_CONTENT_TYPE, text.getBytes(StandardCharsets.UTF_8),
                        FallbackAnswer.Source.EXAMPLE);
            }
            log.debug("{}: the contract's example does not validate against its schema; synthesising", spec.operationId());
        }
        if (media.getSchema() == null) {
            // JSON declared without a schema (any example would have validated above): inventing a shape would be
            // less honest than sending none.
            return new FallbackAnswer(status, null, null, FallbackAnswer.Source.NONE);
        }
        ExampleSynthesizer synthesizer = new ExampleSynthesizer(components == null ? null : components.getSchemas(),
                values, (value, schema) -> validation.conforms(contract, json.writeValueAsString(value), schema));
        JsonNode body = synthesizer.synthesize(media.getSchema());
        String text = json.writeValueAsString(body);
        List<String> errors = validation.responseErrors(contract, spec, status, text);
        if (!errors.isEmpty()) {
            // Serve it anyway: a near-miss body beats none, and FallbackBodiesTest keeps this path from happening.
            log.warn("{}: the fallback body does not validate against the contract: {}", spec.operationId(), errors);
        }
        return new FallbackAnswer(status, JSON_CONTENT_TYPE, text.getBytes(StandardCharsets.UTF_8),
                FallbackAnswer.Source.SYNTHESISED);
    }

    /** The media type's {@code example}, then its {@code examples} in document order. */
    private List<JsonNode> examples(MediaType media, Components components) {
        List<JsonNode> found = new ArrayList<>();
        JsonNode example = values.toTree(media.getExample(), null);
        if (example != null) {
            found.add(example);
        }
        if (media.getExamples() != null) {
            for (Example named : media.getExamples().values()) {
                JsonNode value = values.toTree(resolve(named, components).getValue(), null);
                if (value != null) {
                    found.add(value);
                }
            }
        }
        return found;
    }

    private static Example resolve(Example example, Components components) {
        String ref = example.get$ref();
        if (ref == null || components == null || components.getExamples() == null) {
            return example;
        }
        Example target = components.getExamples().get(ref.substring(ref.lastIndexOf('/') + 1));
        return target == null ? example : target;
    }

    private static ApiResponse documentedResponse(OpenAPI api, OperationSpec spec, int status) {
        PathItem item = api.getPaths() == null ? null : api.getPaths().get(spec.path());
        if (item == null) {
            return null;
        }
        Operation operation = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(spec.method()));
        if (operation == null || operation.getResponses() == null) {
            return null;
        }
        ApiResponse response = operation.getResponses().get(String.valueOf(status));
        String ref = response == null ? null : response.get$ref();
        if (ref != null && api.getComponents() != null && api.getComponents().getResponses() != null) {
            response = api.getComponents().getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return response;
    }

    private static boolean isJson(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/json") || type.contains("+json") || type.startsWith("*/*");
    }

    /**
     * The smallest body that is still a valid document of the media type: a 1x1 image for image types (clients
     * may decode it), nothing for the rest (an empty CSV or file is valid).
     */
    private static byte[] minimalBody(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        if (type.startsWith("image/")) {
            String subtype = type.substring("image/".length()).split(";")[0].trim();
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                if (ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), subtype, out)) {
                    return out.toByteArray();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new byte[0];
    }
}
