package dev.soracommock.kernel;


/**
 * Checks a SAM user's call against its permissions; implemented by the SAM domain, used by the pipeline's credentials
 * step ({@code pipeline/AuthInterceptor}).
 */
public interface PermissionChecker {

    /** @throws ApiException 403 AUM0020 naming the API when the caller may not call it */
    void check(Caller caller, OperationSpec operation);
}
