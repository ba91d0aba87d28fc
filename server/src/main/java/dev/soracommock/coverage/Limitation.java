package dev.soracommock.coverage;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a stateful operation does not do like the real API, written on the method that implements it; it flows
 * into docs/IMPLEMENTATION_COVERAGE.md and {@code GET /_mock/coverage}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Limitation {
    String value();
}
