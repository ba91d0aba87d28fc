package dev.soracommock.fault;

import dev.soracommock.kernel.PipelineStep;
import dev.soracommock.contract.Operations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Injects the faults into the pipeline of the emulated APIs' operations (after the credentials check, before the
 * rate limit and contract validation; see {@code WebConfig}). The control API's handlers are never touched.
 */
@Component
public class FaultInterceptor implements HandlerInterceptor, PipelineStep {

    @Override
    public Stage stage() {
        return Stage.FAULTS;
    }

    private final Operations operations;
    private final FaultService faults;

    FaultInterceptor(Operations operations, FaultService faults) {
        this.operations = operations;
        this.faults = faults;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        operations.forHandler(handler).ifPresent(operation -> faults.apply(operation, request));
        return true;
    }
}
