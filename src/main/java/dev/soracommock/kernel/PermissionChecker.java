package dev.soracommock.kernel;


/** Checks a SAM user's call against its permissions; implemented by the SAM domain, used by {@link AuthInterceptor}. */
public interface PermissionChecker {

    /** @throws ApiException 403 AUM0020 naming the API when the caller may not call it */
    void check(Caller caller, OperationSpec operation);
}
