package dev.soracommock.eventhandler;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The HTTP requests of {@code ExecuteWebRequestAction}s, made for real with a short timeout
 * ({@code soracom-mock.event-handlers.web-request-timeout}, default 5 s, for connecting and for the whole answer),
 * never inside a database transaction.
 */
@Component
class WebRequests {

    /** A request to make, the variables already substituted. */
    record Call(String operatorId, long actionId, String handlerId, String imsi, String method, String url,
            String contentType, Map<String, String> headers, String body) {
    }

    /** What came of it: the status of an answer, or why there was none. */
    record Outcome(Integer status, String error) {
        boolean ok() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final Duration timeout;
    private final HttpClient http;

    WebRequests(@Value("${soracom-mock.event-handlers.web-request-timeout:5s}") Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Outcome send(Call call) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(call.url())).timeout(timeout);
            boolean withBody = call.body() != null && (call.method().equals("POST") || call.method().equals("PUT"));
            call.headers().forEach((k, v) -> {
                if (!k.equalsIgnoreCase("content-length") && !k.equalsIgnoreCase("host")) {
                    b.header(k, v);
                }
            });
            if (call.contentType() != null && !call.contentType().isBlank()
                    && call.headers().keySet().stream().noneMatch(k -> k.equalsIgnoreCase("content-type"))) {
                b.header("Content-Type", call.contentType());
            }
            b.method(call.method(), withBody ? HttpRequest.BodyPublishers.ofString(call.body())
                    : HttpRequest.BodyPublishers.noBody());
            HttpResponse<Void> answer = http.send(b.build(), HttpResponse.BodyHandlers.discarding());
            return new Outcome(answer.statusCode(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        } catch (java.net.http.HttpTimeoutException e) {
            return new Outcome(null, "timeout after " + timeout.toMillis() + " ms");
        } catch (java.io.IOException | IllegalArgumentException e) {
            return new Outcome(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
