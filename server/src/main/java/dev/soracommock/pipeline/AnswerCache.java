package dev.soracommock.pipeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.soracommock.config.MockProperties;
import dev.soracommock.config.SharedState;
import dev.soracommock.contract.Operations;
import dev.soracommock.kernel.CacheableReads;
import dev.soracommock.kernel.Caller;
import dev.soracommock.kernel.CurrentCaller;
import dev.soracommock.kernel.PipelineStep;
import dev.soracommock.kernel.StateChanges;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pipeline's last step: reads that domains declare {@link CacheableReads} are answered again from memory, byte for
 * byte, while the state they read has not changed ({@link StateChanges}); everything before this step (credentials,
 * audit log, faults, rate limit, validation) has run for the request as for any other, and the journal records it.
 *
 * <ul>
 *   <li><b>Kept</b>: the 200 JSON answer of a {@code GET}, the second time the same request comes at the same
 *   generation (a read asked once is not worth the copy), keyed by the caller's operator, the path and query as sent,
 *   {@code Accept}, and what the next-page {@code Link} is built from (scheme, host, port, forwarded headers). The
 *   headers the handler set (content type, next-page headers) are kept with the body; the rate-limit headers are not.</li>
 *   <li><b>Dropped</b>: at every change. A request with any other method than {@code GET}, {@code HEAD},
 *   {@code OPTIONS} or {@code TRACE} moves the generation on before its handler runs and after it returns, and no
 *   answer is answered from memory or kept while one runs.</li>
 *   <li><b>Off</b> when instances share the database ({@code soracom-mock.shared-state}: another instance's writes are
 *   not seen here) or with {@code soracom-mock.answer-cache=false}.</li>
 * </ul>
 * At most {@value #MAX_BYTES} bytes of answers are kept (the least used go first), lists of at most {@value #MAX_ITEMS}
 * items. Each answer from memory counts on the meter {@code soracom.mock.answers.cached}.
 */
@ControllerAdvice(basePackages = "dev.soracommock")
@Order(Ordered.LOWEST_PRECEDENCE)
class AnswerCache implements HandlerInterceptor, PipelineStep, ResponseBodyAdvice<Object> {

    static final long MAX_BYTES = 32L * 1024 * 1024;

    /** A longer list (an unpaged read of a large fleet) is not kept: serialising it twice costs more than it saves. */
    static final int MAX_ITEMS = 1_000;

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** What ServletUriComponentsBuilder builds the next-page Link of, besides the request's scheme, host and port. */
    private static final List<String> VARY = List.of("Accept", "Forwarded", "X-Forwarded-Host", "X-Forwarded-Port",
            "X-Forwarded-Proto", "X-Forwarded-Prefix", "X-Forwarded-Ssl");

    private static final String CHANGING = AnswerCache.class.getName() + ".changing";
    private static final String KEEP = AnswerCache.class.getName() + ".keep";

    /** An answer kept: its generation, the headers its handler set (name, value pairs) and its body. */
    private record Answer(long generation, List<String> headers, byte[] body) {

        void writeTo(HttpServletResponse response) throws IOException {
            response.setStatus(200);
            for (int i = 0; i < headers.size(); i += 2) {
                response.addHeader(headers.get(i), headers.get(i + 1));
            }
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    /** A request asked once at a generation: the next same request at that generation keeps its answer. */
    private record Asked(long generation) {
    }

    /** The request's answer is to be kept: under which key, for which generation, which headers were there before. */
    private record Keep(String key, long generation, Collection<String> headersBefore) {
    }

    private final boolean enabled;
    private final Operations operations;
    private final StateChanges changes;
    private final Set<String> cacheable;
    private final JsonMapper json;
    private final Counter answered;
    private final Cache<String, Object> answers = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((String key, Object value) -> key.length() + (value instanceof Answer a ? a.body().length : 0))
            .build();

    AnswerCache(MockProperties settings, Environment environment, Operations operations, StateChanges changes,
            List<CacheableReads> reads, JsonMapper json, MeterRegistry meters) {
        this.enabled = settings.answerCache() && !SharedState.enabled(environment);
        this.operations = operations;
        this.changes = changes;
        Set<String> ids = new HashSet<>();
        reads.forEach(r -> ids.addAll(r.operationIds()));
        this.cacheable = Set.copyOf(ids);
        this.json = json;
        this.answered = Counter.builder("soracom.mock.answers.cached")
                .description("Answers of cacheable reads served again from memory").register(meters);
    }

    @Override
    public Stage stage() {
        return Stage.ANSWERS;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!enabled) {
            return true;
        }
        String method = request.getMethod();
        if (!"GET".equals(method)) {
            if (!SAFE_METHODS.contains(method)) {
                changes.begin();
                request.setAttribute(CHANGING, Boolean.TRUE);
            }
            return true;
        }
        var operation = operations.forHandler(handler).orElse(null);
        Caller caller = CurrentCaller.of(request);
        if (operation == null || caller == null || !cacheable.contains(operation.spec().operationId())) {
            return true;
        }
        long generation = changes.stable();
        if (generation < 0) {
            return true;
        }
        String key = key(request, caller);
        Object kept = answers.getIfPresent(key);
        if (kept instanceof Answer answer && answer.generation() == generation) {
            answer.writeTo(response);
            answered.increment();
            return false;
        }
        if (kept instanceof Asked asked && asked.generation() == generation) {
            request.setAttribute(KEEP, new Keep(key, generation, List.copyOf(response.getHeaderNames())));
        } else {
            answers.put(key, new Asked(generation));
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (request.getAttribute(CHANGING) != null) {
            request.removeAttribute(CHANGING);
            changes.end();
        }
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return enabled;
    }

    /** Keeps the answer of a request {@link #preHandle} marked, as the message converter is about to write it. */
    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body == null || body instanceof Collection<?> items && items.size() > MAX_ITEMS
                || !(request instanceof ServletServerHttpRequest servletRequest)
                || !(servletRequest.getServletRequest().getAttribute(KEEP) instanceof Keep keep)
                || !(response instanceof ServletServerHttpResponse servletResponse)
                || servletResponse.getServletResponse().getStatus() != 200
                || selectedContentType == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(selectedContentType)) {
            return body;
        }
        HttpHeaders headers = response.getHeaders();
        List<String> set = new ArrayList<>();
        if (headers.getContentType() == null) {
            set.add(HttpHeaders.CONTENT_TYPE);
            set.add(selectedContentType.toString());
        }
        headers.forEach((name, values) -> {
            if (keep.headersBefore().stream().noneMatch(name::equalsIgnoreCase)) {
                values.forEach(value -> {
                    set.add(name);
                    set.add(value);
                });
            }
        });
        answers.put(keep.key(), new Answer(keep.generation(), List.copyOf(set), json.writeValueAsBytes(body)));
        return body;
    }

    private static String key(HttpServletRequest request, Caller caller) {
        StringBuilder key = new StringBuilder(160).append(caller.operatorId()).append('\n')
                .append(request.getScheme()).append("://").append(request.getServerName()).append(':')
                .append(request.getServerPort()).append(request.getRequestURI());
        String query = request.getQueryString();
        if (query != null) {
            key.append('?').append(query);
        }
        for (String name : VARY) {
            String value = request.getHeader(name);
            key.append('\n');
            if (value != null) {
                key.append(value);
            }
        }
        return key.toString();
    }
}
