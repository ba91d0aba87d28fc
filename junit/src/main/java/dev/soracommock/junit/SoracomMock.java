package dev.soracommock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against soracom-mock: {@link SoracomMockExtension} with these settings. Every attribute can
 * also be set for the whole test run by a system property (in brackets), which wins over the annotation's default but
 * not over a value the annotation sets.
 *
 * <pre>{@code
 * @SoracomMock
 * class SubscribersTest {
 *     @Test
 *     void listsNoSubscribers(SoracomMockOperator op) { … op.url("/v1/subscribers") … }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SoracomMockExtension.class)
public @interface SoracomMock {

    /**
     * The URL of an emulator that is already running (a container, a server started by the build) to use instead of
     * starting one ({@code soracom-mock.url}, or the environment variable {@code SORACOM_MOCK_URL}).
     */
    String url() default "";

    /** Operations no domain implements answer 501 {@code MCK0001} instead of an example ({@code soracom-mock.strict}). */
    boolean strict() default false;

    /** Seed of the generated identifiers: same calls, same identifiers; {@code -1} for random ({@code soracom-mock.seed}). */
    long seed() default -1;

    /** The port to listen on; {@code 0} for a free one ({@code soracom-mock.port}). */
    int port() default 0;

    /** JVM options of the emulator's process, after the shipped ones ({@code soracom-mock.jvm-options}, space-separated). */
    String[] jvmOptions() default {};

    /** Further settings of the emulator, {@code name=value} as in its configuration ({@code soracom-mock.json-nulls=emit}). */
    String[] properties() default {};

    /** When the emulator forgets everything and a new operator is signed up. */
    Reset reset() default Reset.EACH_TEST;

    /** When the emulator is reset ({@code POST /_mock/reset}) and a fresh sandbox operator signed up. */
    enum Reset {
        /** Before each test: every test starts from an empty emulator. */
        EACH_TEST,
        /** Before each test class: the tests of a class share what they create. */
        EACH_CLASS
    }
}
