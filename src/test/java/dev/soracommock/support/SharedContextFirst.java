package dev.soracommock.support;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Test classes that share the default application context run first, those that declare settings of their own
 * ({@code @SpringBootTest(properties = …)} on the class itself) after them, each group by name. Spring's context
 * cache keeps one context (src/test/resources/spring.properties, for the 128 MB heap), so interleaving the two kinds
 * would rebuild the shared context after each class with settings of its own. Registered in
 * src/test/resources/junit-platform.properties.
 */
public class SharedContextFirst implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparing((ClassDescriptor d) -> ownSettings(d.getTestClass()))
                .thenComparing(d -> d.getTestClass().getName()));
    }

    private static boolean ownSettings(Class<?> testClass) {
        SpringBootTest own = testClass.getDeclaredAnnotation(SpringBootTest.class);
        return own != null && (own.properties().length > 0 || own.args().length > 0);
    }
}
