package dev.soracommock.pipeline;

import dev.soracommock.kernel.PipelineStep;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The request pipeline: every request to every API, the emulated ones and the control API, goes through these steps
 * in this order. This comment is the one place the order is written; each step names its stage
 * ({@link PipelineStep.Stage}) and is found by type, so this class imports none of the packages whose steps it runs.
 *
 * <ol>
 *   <li><b>Journal</b> — {@code journal/RequestRecorder}, a Tomcat valve around everything below: the answer as the
 *   client got it, whatever refused the request (Tomcat included), is recorded in the request journal and logged on
 *   one line.</li>
 *   <li><b>Clock</b> — {@code clock/SharedClockStep}: when instances share the database, the emulator clock's row is
 *   read once and the whole request uses that time; nothing with the clock in memory.</li>
 *   <li><b>Size limits</b> — {@link RequestBodyFilter}: request line and headers within 8 KB, the body within
 *   {@code SORACOM_MOCK_MAX_BODY_BYTES} (413), held in memory ({@code kernel/CachedBody}) for the steps below.</li>
 *   <li><b>File paths</b> — {@link FilePathRouting}: a Harvest Files path that spans segments is routed as the one path
 *   parameter it is.</li>
 *   <li><b>Routing</b> — the controllers generated from the contracts: an unknown path is 404 {@code COM0002}, another
 *   method 405 {@code COM0004}.</li>
 *   <li><b>Credentials</b> — {@link AuthInterceptor}: as the operation's contract requires them (401 {@code AUM…}),
 *   another operator's {@code /operators/{operator_id}/…} refused, a SAM user's permissions checked.</li>
 *   <li><b>Audit</b> — {@code oplog/ApiAuditStep}: a {@code /v1} call whose credentials were accepted is written to
 *   the operator's API audit log ({@code GET /v1/audit_logs/api}), before anything below may refuse it (queued,
 *   written behind the request in batches; every read of the log sees it).</li>
 *   <li><b>Faults</b> — {@code fault/FaultInterceptor}: faults injected with {@code POST /_mock/faults} delay the
 *   request or answer in its place (not on the control API).</li>
 *   <li><b>Rate limit</b> — {@link RateLimiter}: counted per operator (or caller IP) and API, 429 past the limit, the
 *   {@code X-Soracom-Ratelimit-*} headers on every counted answer.</li>
 *   <li><b>Leniency and validation</b> — {@code contract/RequestValidator}: what real clients send is normalised as the
 *   real API reads it ({@code contract/RequestLeniency}), then checked against the contract (400 {@code COM0008}
 *   naming the field), before any handler runs: a refused request changes nothing.</li>
 *   <li><b>Answers</b> — {@link AnswerCache}: a read a domain declares cacheable ({@code kernel/CacheableReads}) is
 *   answered again from memory while the state it reads is unchanged; a request that may change state moves
 *   {@code kernel/StateChanges} on before and after its handler.</li>
 *   <li><b>Handler</b> — the domain's delegate; an operation no domain implements is answered by
 *   {@code fallback/FallbackAdvice} (the documented status with a contract-valid body, or 501 in strict mode).</li>
 *   <li><b>Errors</b> — {@link ErrorAdvice} writes every failure in the API's own form ({@code kernel/ErrorResponses},
 *   English or Japanese); {@link ErrorPage} and {@link TomcatErrors} do the same for what fails outside Spring MVC;
 *   {@link JsonCharset} marks successful JSON answers {@code charset=UTF-8}.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class RequestPipeline implements WebMvcConfigurer {

    private final List<PipelineStep> steps;

    RequestPipeline(List<PipelineStep> steps) {
        this.steps = steps;
    }

    /** Steps 6–11, in their stages' order; each stage has exactly one step. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        Map<PipelineStep.Stage, PipelineStep> byStage = new EnumMap<>(PipelineStep.Stage.class);
        for (PipelineStep step : steps) {
            PipelineStep other = byStage.put(step.stage(), step);
            if (other != null) {
                throw new IllegalStateException("two steps of stage " + step.stage() + ": " + other + ", " + step);
            }
        }
        steps.stream()
                .filter(HandlerInterceptor.class::isInstance)
                .sorted(Comparator.comparing(PipelineStep::stage))
                .forEach(step -> registry.addInterceptor((HandlerInterceptor) step).order(step.stage().ordinal()));
    }
}
