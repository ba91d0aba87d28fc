package dev.soracommock.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes Soracom's error form, {@code {"code":"…","message":"…"}}, with {@code Content-Language} following
 * {@code X-Soracom-Lang}. The only place an error body is made: the exception advice, the servlet filters and the
 * {@code /error} page all come here.
 */
@Component
public class ErrorResponses {

    private final JsonMapper json;

    public ErrorResponses(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ApiException e) throws IOException {
        write(request, response, e.errorCode(), e.headers(), e.args());
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, Object... args)
            throws IOException {
        write(request, response, code, Map.of(), args);
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code,
            Map<String, String> headers, Object... args) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Language language = Language.of(request);
        response.resetBuffer();
        response.setStatus(code.status().value());
        headers.forEach(response::setHeader);
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, language.tag());
        response.setContentType("application/json;charset=UTF-8");
        byte[] bytes = json.writeValueAsBytes(new ErrorBody(code.code(), code.message(language, args)));
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** Soracom's error body. */
    public record ErrorBody(String code, String message) {
    }
}
