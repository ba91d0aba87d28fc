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
        ErrorCode error = ErrorCode.forStatus(code);
        Object[] args = switch (error) {
            case NOT_FOUND, METHOD_NOT_ALLOWED -> new Object[] {request.getMethod(), uri};
            default -> new Object[] {"the request could not be processed (HTTP " + code + ")"};
        };
        errors.write(request, response, error, args);
    }
}
