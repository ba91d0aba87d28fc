package dev.soracommock.oplog;

import dev.soracommock.kernel.Caller;
import dev.soracommock.kernel.CurrentCaller;
import dev.soracommock.kernel.PipelineStep;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The pipeline's audit step (stage {@link Stage#AUDIT}, right after the credentials): a call of the Soracom API
 * ({@code /v1/…}) made with accepted credentials is written to the operator's API audit log before any later step
 * (faults, rate limit, validation) or the handler answers it, so refused calls are audited too, and the entry is
 * there before the client has its answer. Calls without credentials (sign-up, login) and the control API are not.
 */
@Component
class ApiAuditStep implements PipelineStep, HandlerInterceptor {

    private final OperatorLogService logs;

    ApiAuditStep(OperatorLogService logs) {
        this.logs = logs;
    }

    @Override
    public Stage stage() {
        return Stage.AUDIT;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String path = request.getRequestURI();
        Caller caller = CurrentCaller.of(request);
        if (caller != null && path != null && path.startsWith("/v1/")) {
            logs.recordCall(caller, request.getMethod(), path, request.getRemoteAddr());
        }
        return true;
    }
}
