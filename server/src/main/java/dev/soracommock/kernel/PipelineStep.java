package dev.soracommock.kernel;

import org.springframework.core.Ordered;

/**
 * A step of the request pipeline. The steps and their order are declared in one place, {@code pipeline/RequestPipeline};
 * a step names its {@link Stage} and is found by type, so the pipeline's wiring imports none of the packages whose steps
 * it runs (faults, validation). A step that is a {@code HandlerInterceptor} runs once the operation is known; a step
 * that is a servlet filter takes its filter order from its stage.
 */
public interface PipelineStep {

    /** The stages of the pipeline, in the order a request meets them. */
    enum Stage {
        /** The emulator clock read once for the whole request, when instances share it (a servlet filter). */
        CLOCK,
        /** The request line, headers and body within their limits; the body held in memory (a servlet filter). */
        SIZE_LIMITS,
        /** A Harvest Files path with slashes routed as one path parameter (a servlet filter). */
        FILE_PATHS,
        /** Credentials as the operation's contract requires them (an interceptor). */
        CREDENTIALS,
        /** The operator's API call written to its API audit log (an interceptor). */
        AUDIT,
        /** Faults injected through the control API (an interceptor). */
        FAULTS,
        /** The rate limits (an interceptor). */
        RATE_LIMIT,
        /** The request leniency policy, then the request against its contract (an interceptor). */
        VALIDATION,
        /** A read answered again from memory while the state is unchanged; changes tracked (an interceptor). */
        ANSWERS;

        /** The servlet-filter order of a stage that is a filter: after Spring's own early filters, in stage order. */
        public int filterOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 10 * (ordinal() + 1);
        }
    }

    Stage stage();
}
