package dev.soracommock.fallback;

import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The handler of every operation no domain implements: its generated delegate method throws
 * {@link NotImplementedOperation} (openapi/templates/methodBody.mustache) and this advice, consulted before the
 * pipeline's error advice, answers it with the {@link FallbackResponder} (ADR 0002).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class FallbackAdvice {

    private final FallbackResponder fallback;
    private final ErrorResponses errors;

    FallbackAdvice(FallbackResponder fallback, ErrorResponses errors) {
        this.fallback = fallback;
        this.errors = errors;
    }

    @ExceptionHandler(NotImplementedOperation.class)
    void notImplemented(NotImplementedOperation e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        try {
            fallback.respond(e.operationId(), request, response);
        } catch (ApiException api) {
            errors.write(request, response, api);
        }
    }
}
