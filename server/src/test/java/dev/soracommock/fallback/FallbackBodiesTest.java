package dev.soracommock.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.soracommock.contract.Contract;
import dev.soracommock.contract.ContractDocuments;
import dev.soracommock.kernel.OperationSpec;
import dev.soracommock.contract.Operations;
import dev.soracommock.contract.SchemaCaches;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of both contracts gets a fallback answer that the contract itself accepts. The bodies are
 * checked by a validator of the test's own, not the one the responder uses to choose them.
 */
class FallbackBodiesTest {

    /**
     * Operations whose response schema no body can satisfy under the validator (it forbids undeclared properties):
     * contract defects to fix in tools/DeriveContract. The test fails once an entry validates, so the list shrinks.
     */
    private static final Map<String, String> UNSATISFIABLE = Map.of();

    private static final Operations operations = new Operations();
    private static final Map<Contract, OpenApiInteractionValidator> validators = new EnumMap<>(Contract.class);
    private static FallbackResponder responder;

    @BeforeAll
    static void setUp() {
        responder = new FallbackResponder(operations, new ContractDocuments(), JsonMapper.builder().build(), false);
        for (Contract contract : Contract.values()) {
            validators.put(contract, SchemaCaches.checking(OpenApiInteractionValidator
                    .createFor(ContractDocuments.asValidatorLoads(contract)))
                    .withBasePathOverride(contract.basePath())
                    .build());
        }
    }

    /** The validators and the responder's caches are large; the rest of the suite runs in the same 128 MB heap. */
    @AfterAll
    static void release() {
        validators.clear();
        responder = null;
    }

    @Test
    void everyOperationAnswersItsDocumentedStatusWithAValidBody() {
        List<String> failures = new ArrayList<>();
        Map<FallbackAnswer.Source, Integer> sources = new TreeMap<>();
        for (Operations.Entry entry : operations.all()) {
            OperationSpec spec = entry.spec();
            FallbackAnswer answer;
            try {
                answer = responder.answerFor(spec.operationId());
            } catch (RuntimeException e) {
                failures.add(spec.operationId() + ": " + e);
                continue;
            }
            sources.merge(answer.source(), 1, Integer::sum);
            if (answer.status() != spec.successStatus()) {
                failures.add(spec.operationId() + ": status " + answer.status() + ", documented " + spec.successStatus());
            }
            if (answer.status() == 204 && answer.hasContent()) {
                failures.add(spec.operationId() + ": 204 with content " + answer.contentType());
            }
            if (!answer.hasContent() && answer.body().length > 0) {
                failures.add(spec.operationId() + ": body without a content type");
            }
            if (answer.hasContent() && answer.contentType().startsWith("application/json")) {
                List<String> errors = validate(entry.contract(), spec, answer);
                if (UNSATISFIABLE.containsKey(spec.operationId())) {
                    if (errors.isEmpty()) {
                        failures.add(spec.operationId() + ": validates now; remove it from UNSATISFIABLE");
                    }
                } else if (!errors.isEmpty()) {
                    failures.add(spec.operationId() + " (" + answer.source() + "): " + errors);
                }
            }
        }
        System.out.println("fallback answers by source: " + sources);
        assertThat(failures).as("operations whose fallback answer breaks the contract").isEmpty();
    }

    @Test
    void strictModeRefusesWithMck0001() {
        FallbackResponder strict = new FallbackResponder(operations, new ContractDocuments(), JsonMapper.builder().build(), true);
        assertThatThrownBy(() -> strict.respond("listSubscribers", new MockHttpServletRequest(), new MockHttpServletResponse()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_IMPLEMENTED_STRICT);
                    assertThat(e.errorCode().code()).isEqualTo("MCK0001");
                    assertThat(e.args()).containsExactly("listSubscribers");
                });
    }

    @Test
    void respondWritesStatusHeaderAndBody() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        responder.respond("listSubscribers", new MockHttpServletRequest(), response);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader(FallbackResponder.FALLBACK_HEADER)).isEqualTo("listSubscribers");
        assertThat(response.getContentType()).isEqualTo(FallbackResponder.JSON_CONTENT_TYPE);
        assertThat(response.getContentAsString()).startsWith("[");
    }

    @Test
    void noContentAnswersWriteNothing() throws Exception {
        String operationId = operations.all().stream()
                .map(Operations.Entry::spec)
                .filter(spec -> spec.successStatus() == 204)
                .map(OperationSpec::operationId)
                .findFirst()
                .orElseThrow();
        MockHttpServletResponse response = new MockHttpServletResponse();
        responder.respond(operationId, new MockHttpServletRequest(), response);
        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(response.getContentType()).isNull();
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    @Test
    void nonJsonAnswersCarryAMinimalDocumentOfTheirType() throws Exception {
        FallbackAnswer answer = responder.answerFor("sendDownlinkRtsp");
        assertThat(answer.source()).isEqualTo(FallbackAnswer.Source.NON_JSON);
        assertThat(answer.contentType()).isEqualTo("image/jpeg");
        assertThat(ImageIO.read(new ByteArrayInputStream(answer.body()))).isNotNull();
    }

    private static List<String> validate(Contract contract, OperationSpec spec, FallbackAnswer answer) {
        String path = contract.basePath() + spec.path().replaceAll("\\{[^}/]+}", "x");
        ValidationReport report = validators.get(contract).validateResponse(path, Request.Method.valueOf(spec.method()),
                SimpleResponse.Builder.status(answer.status())
                        .withContentType(answer.contentType())
                        .withBody(new String(answer.body(), StandardCharsets.UTF_8))
                        .build());
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
    }
}
