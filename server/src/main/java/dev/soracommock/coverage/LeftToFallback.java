package dev.soracommock.coverage;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Operations a domain deliberately leaves to the fallback responder, and why; written on the domain's delegate
 * implementation, it flows into docs/IMPLEMENTATION_COVERAGE.md and {@code GET /_mock/coverage}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(LeftToFallback.List.class)
public @interface LeftToFallback {

    String[] operations();

    String reason();

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        LeftToFallback[] value();
    }
}
