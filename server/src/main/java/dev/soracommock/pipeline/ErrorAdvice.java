package dev.soracommock.pipeline;

import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * The one exception handler of the server: every failure inside Spring MVC ends here and leaves in Soracom's
 * error form through {@link ErrorResponses}. It comes after the fallback's own advice (operations no domain
 * implements, fallback/FallbackAdvice), which is consulted first.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

    private final ErrorResponses errors;

    ErrorAdvice(ErrorResponses errors) {
        this.errors = errors;
    }

    @ExceptionHandler(ApiException.class)
    void api(ApiException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(request, response, e);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    void unreadable(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Throwable cause = e.getMostSpecificCause();
        String detail = cause instanceof JacksonException je ? je.getOriginalMessage() : "the body is missing or unreadable";
        errors.write(request, response, ErrorCode.MALFORMED_JSON, detail);
    }

    @ExceptionHandler({MissingRequestValueException.class, ServletRequestBindingException.class})
    void missing(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(request, response, ErrorCode.VALIDATION_FAILED, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        errors.write(request, response, ErrorCode.VALIDATION_FAILED,
                "invalid value '" + e.getValue() + "' for parameter " + e.getName());
    }

    /** A query string or form body whose percent-encoding is not UTF-8 ({@code ?limit=%FF}): Tomcat cannot decode it. */
    @ExceptionHandler(InvalidParameterException.class)
    void undecodableParameter(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(request, response, ErrorCode.VALIDATION_FAILED, "a request parameter is not valid UTF-8");
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(request, response, ErrorCode.NOT_FOUND, request.getMethod(), request.getRequestURI());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    void methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Map<String, String> headers = e.getSupportedHttpMethods() == null ? Map.of()
                : Map.of(HttpHeaders.ALLOW, e.getSupportedHttpMethods().stream().map(Object::toString)
                        .collect(Collectors.joining(", ")));
        errors.write(request, response, ErrorCode.METHOD_NOT_ALLOWED, headers, request.getMethod(),
                request.getRequestURI());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    void unsupported(HttpMediaTypeNotSupportedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        errors.write(request, response, ErrorCode.UNSUPPORTED_MEDIA_TYPE, String.valueOf(e.getContentType()));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        errors.write(request, response, ErrorCode.NOT_ACCEPTABLE, String.valueOf(request.getHeader(HttpHeaders.ACCEPT)));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        errors.write(request, response, ErrorCode.PAYLOAD_TOO_LARGE, e.getMaxUploadSize());
    }

    /** Two requests changed the same row at once (optimistic locking): the loser is told to retry, nothing is lost. */
    @ExceptionHandler(ConcurrencyFailureException.class)
    void conflict(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(request, response, ErrorCode.CONCURRENT_MODIFICATION);
    }

    /**
     * A value longer than its column (SQLSTATE 22001) or a number out of its column's range (22003), H2 and PostgreSQL
     * alike, where the contract sets no maximum: the client's input, refused like any other invalid value; the
     * transaction was rolled back, nothing was stored. A unique violation (23505) is a lost race: two requests
     * inserted the same row at the same moment (e.g. the same new tag of one SIM); the loser is told to retry, as
     * with optimistic locking. A text the database cannot hold (PostgreSQL: 22021 a NUL character, 22P05 a
     * character its encoding lacks) is the client's input too; the request step refuses NUL before any handler runs
     * (RequestValidator), this is the net under it. Any other integrity violation is a bug and stays a 500.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    void integrity(DataIntegrityViolationException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql
                    && ("22001".equals(sql.getSQLState()) || "22003".equals(sql.getSQLState()))) {
                errors.write(request, response, ErrorCode.VALIDATION_FAILED, "a value is longer or larger than the emulator stores");
                return;
            }
            if (t instanceof java.sql.SQLException sql
                    && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                errors.write(request, response, ErrorCode.VALIDATION_FAILED, "a text holds a character the database cannot store");
                return;
            }
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                errors.write(request, response, ErrorCode.CONCURRENT_MODIFICATION);
                return;
            }
        }
        unexpected(e, request, response);
    }

    /**
     * The client went away while the answer was written (a load tool stopping, a test's timeout): there is no one to
     * answer, and it is not the emulator's error, so it is logged at DEBUG instead of as an ERROR with a stack trace.
     */
    @ExceptionHandler({AsyncRequestNotUsableException.class, ClientAbortException.class})
    void clientGone(Exception e, HttpServletRequest request) {
        log.debug("client went away during {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    void unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        errors.write(request, response, ErrorCode.INTERNAL_ERROR, e.getClass().getSimpleName());
    }
}
