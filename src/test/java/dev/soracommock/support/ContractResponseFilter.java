package dev.soracommock.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;

/**
 * Validates every successful (2xx) response under {@code /v1} and {@code /esim-commerce/v1} against the contract of
 * its operation with the Atlassian validator; error responses are checked by the tests themselves to be Soracom's
 * {@code {code,message}} or the eSIM Commerce envelope (the contract documents
 * few error bodies, and some of those differ from what the real API sends). A response that does not match fails
 * the test with the validator's messages.
 */
public final class ContractResponseFilter implements Filter {

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    static OpenApiInteractionValidator validatorFor(String path) {
        String file = path.startsWith("/esim-commerce/") ? "esim-commerce-sandbox-api.yaml"
                : path.startsWith("/v1/sandbox/") ? "soracom-sandbox-api.yaml" : "soracom-api.yaml";
        return VALIDATORS.computeIfAbsent(file, f -> {
            try {
                String text = new ClassPathResource("contracts/" + f).getContentAsString(StandardCharsets.UTF_8);
                return OpenApiInteractionValidator.createForInlineApiSpecification(text)
                        .withLevelResolver(LevelResolver.create()
                                .withLevel("validation.request", ValidationReport.Level.IGNORE)
                                .build())
                        .withStrictOperationPathMatching()
                        .build();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public Response filter(FilterableRequestSpecification req, FilterableResponseSpecification res, FilterContext ctx) {
        Response response = ctx.next(req, res);
        String path = URI.create(req.getURI()).getRawPath();
        boolean operation = path.startsWith("/v1/")
                || path.startsWith("/esim-commerce/v1/") && !path.equals("/esim-commerce/v1/openapi.yaml");
        if (response.statusCode() >= 200 && response.statusCode() < 300 && operation) {
            SimpleResponse.Builder b = SimpleResponse.Builder.status(response.statusCode());
            String ct = response.contentType();
            if (ct != null && !ct.isEmpty()) {
                b.withContentType(ct);
            }
            byte[] body = response.asByteArray();
            if (body.length > 0) {
                b.withBody(body);
            }
            ValidationReport report = validatorFor(path).validateResponse(path, Request.Method.valueOf(req.getMethod()), b.build());
            if (report.hasErrors()) {
                throw new AssertionError("response of " + req.getMethod() + " " + path + " does not match the contract: "
                        + report.getMessages() + "\nbody: " + response.asString());
            }
        }
        return response;
    }
}
