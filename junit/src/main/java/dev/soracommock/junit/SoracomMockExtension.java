package dev.soracommock.junit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit Jupiter extension (5.10 and later, 6 included) that runs tests against soracom-mock:
 * <ul>
 * <li>the emulator runs in a JVM of its own, started on first use from the server's executable jar with the shipped
 * JVM settings, on a free port, with its state in memory; one per test run (per distinct {@link SoracomMock}
 * settings), shared by every test class, and stopped when the test JVM exits — or, with {@link SoracomMock#url()}, an
 * emulator that already runs (a container);</li>
 * <li>before each test (or each class, {@link SoracomMock#reset()}) it is reset ({@code POST /_mock/reset}) and a fresh
 * sandbox operator is signed up, handed to test and lifecycle methods as a {@link SoracomMockOperator} parameter.</li>
 * </ul>
 * The reset makes tests that share the emulator independent, not parallel: run them one at a time. Nothing but this
 * artifact joins the test class path: the emulator's own dependencies stay in its process.
 * Use it through {@link SoracomMock}, or {@code @ExtendWith(SoracomMockExtension.class)} for the defaults.
 */
public class SoracomMockExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SoracomMockExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Settings settings = settings(context);
        context.getStore(NAMESPACE).put(ClassStart.class, new ClassStart(System.nanoTime(), Emulators.isRunning(settings)));
        if (settings.reset() == SoracomMock.Reset.EACH_CLASS) {
            context.getStore(NAMESPACE).put(SoracomMockOperator.class, Emulators.get(settings).resetAndSignUp());
            reportReady(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Settings settings = settings(context);
        if (settings.reset() == SoracomMock.Reset.EACH_TEST) {
            context.getStore(NAMESPACE).put(SoracomMockOperator.class, Emulators.get(settings).resetAndSignUp());
            reportReady(context);
        }
    }

    /**
     * Once per test class: how long it waited before its first test could run (the emulator's start-up for the class
     * that started it; a reset and a sign-up for the classes that share it).
     */
    private static void reportReady(ExtensionContext context) {
        ClassStart start = context.getStore(NAMESPACE).get(ClassStart.class, ClassStart.class);
        if (start != null && start.reported.compareAndSet(false, true)) {
            System.err.printf("[soracom-mock] %s: first test ready after %.2f s (%s)%n",
                    context.getRequiredTestClass().getName(), (System.nanoTime() - start.nanos) / 1e9,
                    start.shared ? "shared emulator, reset and sign-up" : "emulator started for it");
        }
    }

    /** When a test class began, and whether the emulator it uses was already running then. */
    private static final class ClassStart {
        final long nanos;
        final boolean shared;
        final AtomicBoolean reported = new AtomicBoolean();

        ClassStart(long nanos, boolean shared) {
            this.nanos = nanos;
            this.shared = shared;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SoracomMockOperator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // the method's store sees its class's (EACH_CLASS) through its parent
        SoracomMockOperator operator = context.getStore(NAMESPACE).get(SoracomMockOperator.class, SoracomMockOperator.class);
        if (operator == null) {
            throw new ParameterResolutionException("soracom-mock signs up its operator before each "
                    + (settings(context).reset() == SoracomMock.Reset.EACH_CLASS ? "class" : "test")
                    + ": a SoracomMockOperator is given to test and lifecycle methods after that point");
        }
        return operator;
    }

    private static Settings settings(ExtensionContext context) {
        Optional<SoracomMock> annotation = context.getTestClass().flatMap(SoracomMockExtension::find);
        return Settings.of(annotation.orElse(null));
    }

    /** The annotation on the class, an enclosing class (nested tests) or a superclass. */
    private static Optional<SoracomMock> find(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            SoracomMock found = ((AnnotatedElement) c).getAnnotation(SoracomMock.class);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }
}
