package dev.soracommock.kernel;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The authenticated caller of the current request (set by the pipeline's credentials step, pipeline/AuthInterceptor). */
@Component
public class CurrentCaller {

    public static final String ATTRIBUTE = CurrentCaller.class.getName();

    /** The caller; only called from operations that require credentials. */
    public Caller get() {
        Object caller = RequestContextHolder.currentRequestAttributes().getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (caller == null) {
            throw new ApiException(ErrorCode.AUTH_HEADERS_MISSING);
        }
        return (Caller) caller;
    }

    /** The caller the request was authenticated as, or null (for code outside Spring MVC: filters, valves). */
    public static Caller of(jakarta.servlet.ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Caller c ? c : null;
    }

    public String operatorId() {
        return get().operatorId();
    }

    /** The eSIM Commerce reseller calling (the hash of its {@code X-API-Key}); only from eSIM Commerce operations. */
    public String resellerId() {
        return get().operatorId();
    }
}
