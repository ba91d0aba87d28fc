package dev.soracommock.pipeline;

import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.ErrorResponses;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Failures outside Spring MVC (Tomcat refusing a malformed URL, a filter's error) are forwarded by the container to
 * {@code /error}; they leave in Soracom's form too.
 */
@Controller
class ErrorPage implements ErrorController {

    private final ErrorResponses errors;

    ErrorPage(ErrorResponses errors) {
        this.errors = errors;
    }

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer i ? i : 500;
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        ErrorCode error = switch (code) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> code >= 400 && code < 500 ? ErrorCode.VALIDATION_FAILED : ErrorCode.INTERNAL_ERROR;
        };
        Object[] args = switch (error) {
            case NOT_FOUND, METHOD_NOT_ALLOWED -> new Object[] {request.getMethod(), uri};
            default -> new Object[] {"the request could not be processed (HTTP " + code + ")"};
        };
        errors.write(request, response, error, args);
    }
}
