package dev.soracommock.kernel;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The only place an error body is made: the exception advice, the servlet filters and the {@code /error} page all
 * come here. The body's form follows the contract of the request's path: Soracom's {@code {"code":"…","message":"…"}}
 * with {@code Content-Language} following {@code X-Soracom-Lang}, or, under {@code /esim-commerce/}, the NestJS
 * envelope {@code {"statusCode":400,"message":["…"],"error":"Bad Request"}} ({@code message} a list for validation
 * errors, a string otherwise).
 */
@Component
public class ErrorResponses {

    /** Codes whose eSIM Commerce answer lists its messages (validation errors). */
    private static final List<ErrorCode> LISTED = List.of(ErrorCode.VALIDATION_FAILED, ErrorCode.ESIM_BAD_REQUEST);

    private final JsonMapper json;

    public ErrorResponses(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ApiException e) throws IOException {
        if (e.custom() != null) {
            writeCustom(request, response, e.custom(), e.headers());
            return;
        }
        write(request, response, e.errorCode(), e.headers(), e.messages(), e.args());
    }

    /** A refusal with a status, code and message of its own ({@link ApiException#custom}), in the API's form. */
    private void writeCustom(HttpServletRequest request, HttpServletResponse response, ApiException.Custom custom,
            Map<String, String> headers) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(custom.status());
        headers.forEach(response::setHeader);
        Object body;
        if (esim(path(request))) {
            HttpStatus status = HttpStatus.resolve(custom.status());
            body = new Envelope(custom.status(), custom.message(), status == null ? "Error" : status.getReasonPhrase());
        } else {
            response.setHeader(HttpHeaders.CONTENT_LANGUAGE, Language.of(request).tag());
            body = new ErrorBody(custom.code(), custom.message());
        }
        send(response, body);
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, Object... args)
            throws IOException {
        write(request, response, code, Map.of(), null, args);
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code,
            Map<String, String> headers, Object... args) throws IOException {
        write(request, response, code, headers, null, args);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code,
            Map<String, String> headers, List<String> messages, Object... args) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Object body;
        response.resetBuffer();
        response.setStatus(code.status().value());
        headers.forEach(response::setHeader);
        String path = path(request);
        if (esim(path)) {
            body = envelope(request, path, code, messages, args);
        } else {
            Language language = Language.of(request);
            response.setHeader(HttpHeaders.CONTENT_LANGUAGE, language.tag());
            body = new ErrorBody(code.code(), code.message(language, args));
        }
        send(response, body);
    }

    private void send(HttpServletResponse response, Object body) throws IOException {
        response.setContentType("application/json;charset=UTF-8");
        byte[] bytes = json.writeValueAsBytes(body);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** The path the client asked for (on the container's {@code /error} forward, the original one). */
    private static String path(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return original instanceof String s ? s : request.getRequestURI();
    }

    private static Envelope envelope(HttpServletRequest request, String path, ErrorCode code, List<String> messages,
            Object... args) {
        Object message;
        if (messages != null) {
            message = messages;
        } else if (code == ErrorCode.NOT_FOUND || code == ErrorCode.METHOD_NOT_ALLOWED) {
            message = "Cannot " + request.getMethod() + " " + path;
        } else if (LISTED.contains(code)) {
            message = List.of(args.length == 0 ? code.message(Language.EN) : String.valueOf(args[0]));
        } else {
            message = code.message(Language.EN, args);
        }
        return new Envelope(code.status().value(), message, code.status().getReasonPhrase());
    }

    /** Soracom's error body. */
    public record ErrorBody(String code, String message) {
    }

    /** The eSIM Commerce (NestJS) error body; {@code message} is a string or a list of strings. */
    public record Envelope(int statusCode, Object message, String error) {
    }

    /** Errors under {@code /esim-commerce/} are in the eSIM Commerce service's envelope. */
    public static boolean esim(String path) {
        return path != null && path.startsWith("/esim-commerce/");
    }
}
