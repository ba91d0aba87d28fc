package dev.soracommock.journal;

import dev.soracommock.clock.MockClock;
import dev.soracommock.contract.Contract;
import dev.soracommock.contract.Operations;
import dev.soracommock.fault.FaultService;
import dev.soracommock.kernel.Caller;
import dev.soracommock.kernel.CurrentCaller;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.List;
import org.apache.catalina.AccessLog;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The one hook that sees every request with its final status: a valve at the front of Tomcat's engine, so the
 * answers of the exception advice, the {@code /error} page, Tomcat's error valve and the 404 of unknown paths are all
 * seen as the client got them; requests Tomcat refuses before any processing (a malformed request line) arrive
 * through its access-log call. Each request is written to the {@link RequestJournal} and logged, one INFO line on
 * the logger {@code dev.soracommock.requests} with its fields as key-values (for structured logs). The journal's
 * own reads, actuator, Swagger UI and the served contracts are neither recorded nor logged.
 */
@Component
class RequestRecorder implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final String LOGGER = "dev.soracommock.requests";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private static final List<String> NOT_RECORDED = List.of("/_mock/requests", "/actuator", "/swagger-ui",
            "/v3/api-docs", "/openapi/", "/webjars/", "/favicon.ico", "/esim-commerce/v1/openapi.yaml");

    private static final String RECORDED = RequestRecorder.class.getName() + ".recorded";

    private final RequestJournal journal;
    private final Operations operations;
    private final MockClock clock;

    RequestRecorder(RequestJournal journal, Operations operations, MockClock clock) {
        this.journal = journal;
        this.operations = operations;
        this.clock = clock;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addEngineValves(new RecordingValve(this));
    }

    static boolean recorded(String path) {
        for (String prefix : NOT_RECORDED) { // on every request: a loop, not a stream
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    private static String path(Request request) {
        String uri = request.getRequestURI();
        if (uri == null) {
            uri = request.getCoyoteRequest().requestURI().toString();
        }
        return uri == null ? "" : uri;
    }

    void record(long ticket, Request request, Response response, long time, long durationMs) {
        String path = path(request);
        Operations.Entry operation = operations.forHandler(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE))
                .orElse(null);
        Caller caller = CurrentCaller.of(request);
        String operatorId = caller != null && (operation == null || operation.contract() != Contract.ESIM)
                ? caller.operatorId() : null;
        String fault = request.getAttribute(FaultService.APPLIED) instanceof String s ? s : null;
        String method = request.getMethod() == null ? "" : request.getMethod();
        String operationId = operation == null ? null : operation.spec().operationId();
        String tag = operation == null ? null : operation.spec().tag();
        int status = response.getStatus();
        if (log.isInfoEnabled()) {
            StringBuilder line = new StringBuilder().append(method).append(' ').append(path).append(' ')
                    .append(operationId == null ? "-" : operationId).append(' ').append(status).append(' ')
                    .append(durationMs).append("ms");
            LoggingEventBuilder event = log.atInfo().addKeyValue("method", method).addKeyValue("path", path)
                    .addKeyValue("status", status).addKeyValue("durationMs", durationMs);
            if (operationId != null) {
                event = event.addKeyValue("operationId", operationId).addKeyValue("tag", tag);
            }
            if (operatorId != null) {
                line.append(" operator=").append(operatorId);
                event = event.addKeyValue("operatorId", operatorId);
            }
            if (fault != null) {
                line.append(" fault=").append(fault);
                event = event.addKeyValue("fault", fault);
            }
            event.log(line.toString());
        }
        // after the log line: a journal read waits for this, so a client that read the journal sees the line too
        journal.record(ticket, time, method, path, request.getQueryString(), operationId, tag, status, operatorId,
                durationMs, fault);
    }

    /** Sits first in the engine's pipeline: everything after it (host, context, servlet, error valves) is timed. */
    static final class RecordingValve extends ValveBase implements AccessLog {

        private final RequestRecorder recorder;
        private boolean requestAttributesEnabled;

        RecordingValve(RequestRecorder recorder) {
            super(true);
            this.recorder = recorder;
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            if (!recorded(path(request))) {
                request.setAttribute(RECORDED, Boolean.TRUE);
                getNext().invoke(request, response);
                return;
            }
            long ticket = recorder.journal.begin();
            long time = recorder.clock.nowMillis();
            long start = System.nanoTime();
            try {
                getNext().invoke(request, response);
            } finally {
                request.setAttribute(RECORDED, Boolean.TRUE);
                try {
                    recorder.record(ticket, request, response, time, (System.nanoTime() - start) / 1_000_000);
                } catch (RuntimeException e) {
                    recorder.journal.abandon(ticket);
                    throw e;
                }
            }
        }

        /** Tomcat's access-log call: only requests refused before they reached {@link #invoke} are left to record. */
        @Override
        public void log(Request request, Response response, long time) {
            if (request.getAttribute(RECORDED) == null && recorded(path(request))) {
                request.setAttribute(RECORDED, Boolean.TRUE);
                recorder.record(0, request, response, recorder.clock.nowMillis(), 0);
            }
        }

        @Override
        public void setRequestAttributesEnabled(boolean requestAttributesEnabled) {
            this.requestAttributesEnabled = requestAttributesEnabled;
        }

        @Override
        public boolean getRequestAttributesEnabled() {
            return requestAttributesEnabled;
        }
    }
}
