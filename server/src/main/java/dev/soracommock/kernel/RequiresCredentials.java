package dev.soracommock.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A hand-written route of the real API that the contracts no longer list (e.g. the legacy WebPay registration) but
 * that needs the same credentials as a contract operation; the pipeline's credentials step
 * ({@code pipeline/AuthInterceptor}) checks them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresCredentials {
}
