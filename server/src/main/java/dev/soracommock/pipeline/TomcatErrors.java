package dev.soracommock.pipeline;

import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.ErrorResponses;
import dev.soracommock.kernel.Language;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat refuses before any servlet sees them (an illegal character in the URL, a malformed header) would
 * get Tomcat's HTML error page; they get Soracom's error form instead. Encoded slashes ({@code %2F}) and backslashes
 * ({@code %5C}) in a path segment are passed through to the routing (a file path in {@code /files/{scope}/{path}}
 * may hold one, a tag or configuration key name too).
 */
@Component
class TomcatErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            // %5C too: the Go SDK's tag test deletes a tag whose name holds a backslash (soracom-facts §4.3)
            connector.setEncodedReverseSolidusHandling("passthrough");
        });
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(SoracomErrorReportValve.class.getName());
            }
        });
    }

    /**
     * Tomcat's last-resort error page, in Soracom's form, or the NestJS envelope under {@code /esim-commerce/} (this
     * valve runs outside Spring: no beans here).
     */
    public static class SoracomErrorReportValve extends ErrorReportValve {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            ErrorCode code = ErrorCode.forStatus(status);
            Language language = Language.of(request);
            // a URI Tomcat refused to decode ("%00", say) has only its raw form; one too long to parse has neither
            String uri = request.getDecodedRequestURI() != null ? request.getDecodedRequestURI() : request.getRequestURI();
            String message = switch (code) {
                case NOT_FOUND, METHOD_NOT_ALLOWED -> code.message(language, request.getMethod(), uri);
                case PAYLOAD_TOO_LARGE -> code.message(language, "the server's limit");
                case UNSUPPORTED_MEDIA_TYPE -> code.message(language, request.getContentType());
                default -> code.message(language, "the request could not be parsed (HTTP " + status + ")");
            };
            boolean esim = ErrorResponses.esim(uri);
            Object body = esim
                    ? new ErrorResponses.Envelope(status, code == ErrorCode.VALIDATION_FAILED
                            ? java.util.List.of("the request could not be parsed") : message,
                            java.util.Optional.ofNullable(org.springframework.http.HttpStatus.resolve(status))
                                    .map(org.springframework.http.HttpStatus::getReasonPhrase).orElse("Error"))
                    : new ErrorResponses.ErrorBody(code.code(), message);
            try {
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                if (!esim) {
                    response.setHeader("Content-Language", language.tag());
                }
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(body));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone; nothing more to say
            }
        }
    }
}
