package dev.soracommock.pipeline;

import dev.soracommock.kernel.PipelineStep;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.Authenticator;
import dev.soracommock.kernel.Caller;
import dev.soracommock.kernel.CurrentCaller;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.PermissionChecker;
import dev.soracommock.kernel.RequiresCredentials;
import dev.soracommock.contract.Contract;
import dev.soracommock.contract.Operations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Step 1 of every operation: credentials, checked as the operation's contract says. eSIM Commerce operations need
 * a non-empty {@code X-API-Key}: any key is accepted and each distinct key is a reseller of its own (401 without
 * one). Soracom operations whose contract requires {@code api_key} + {@code api_token}
 * need both headers, checked by the {@link Authenticator}; an operation addressed to {@code /operators/{operator_id}/…}
 * must name the caller's own operator; a SAM user's call must be allowed by its permissions. Operations without
 * security (auth, sandbox init, …) pass through.
 */
@Component
public class AuthInterceptor implements HandlerInterceptor, PipelineStep {

    @Override
    public Stage stage() {
        return Stage.CREDENTIALS;
    }

    static final String API_KEY = "X-Soracom-API-Key";
    static final String TOKEN = "X-Soracom-Token";
    static final String ESIM_API_KEY = "X-API-Key";

    /**
     * Operations the real sandbox also serves without credentials: older SDKs and the Ruby sandbox client create
     * sandbox subscribers without them (soracom-facts §3.1). With neither header the call goes on with no caller
     * (rate-limited per caller IP); with either, the credentials are checked as for any other operation. The SIM it
     * creates belongs to nobody until it is registered, either way. Deleting a sandbox operator, which one of those
     * clients also does without credentials, still needs them: without, any caller could delete any operator.
     */
    static final Set<String> CREDENTIALS_OPTIONAL = Set.of("sandboxCreateSubscriber");

    private final Operations operations;
    private final Authenticator authenticator;
    private final ObjectProvider<PermissionChecker> permissions;

    AuthInterceptor(Operations operations, Authenticator authenticator, ObjectProvider<PermissionChecker> permissions) {
        this.operations = operations;
        this.authenticator = authenticator;
        this.permissions = permissions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var operation = operations.forHandler(handler).orElse(null);
        if (operation == null) {
            if (handler instanceof HandlerMethod hm && hm.hasMethodAnnotation(RequiresCredentials.class)) {
                request.setAttribute(CurrentCaller.ATTRIBUTE, soracomCaller(request));
            }
            return true;
        }
        if (!operation.spec().requiresAuth()) {
            return true;
        }
        if (operation.contract() == Contract.ESIM) {
            String key = request.getHeader(ESIM_API_KEY);
            if (key == null || key.isBlank()) {
                throw new ApiException(ErrorCode.ESIM_API_KEY_MISSING);
            }
            request.setAttribute(CurrentCaller.ATTRIBUTE, Caller.reseller(key.trim()));
            return true;
        }
        if (CREDENTIALS_OPTIONAL.contains(operation.spec().operationId())
                && request.getHeader(API_KEY) == null && request.getHeader(TOKEN) == null) {
            return true;
        }
        Caller caller = soracomCaller(request);
        request.setAttribute(CurrentCaller.ATTRIBUTE, caller);
        @SuppressWarnings("unchecked")
        Map<String, String> vars = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (vars != null && vars.containsKey("operator_id") && !caller.operatorId().equals(vars.get("operator_id"))) {
            throw new ApiException(ErrorCode.INVALID_OPERATOR_ID);
        }
        if (!caller.isRoot()) {
            PermissionChecker checker = permissions.getIfAvailable();
            if (checker != null) {
                checker.check(caller, operation.spec());
            }
        }
        return true;
    }

    /** The Soracom credentials of the request: both headers, checked by the {@link Authenticator}. */
    private Caller soracomCaller(HttpServletRequest request) {
        String apiKey = request.getHeader(API_KEY);
        String token = request.getHeader(TOKEN);
        if (apiKey == null || apiKey.isBlank() || token == null || token.isBlank()) {
            throw new ApiException(ErrorCode.AUTH_HEADERS_MISSING);
        }
        return authenticator.authenticate(apiKey.trim(), token.trim());
    }
}
