package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The extension adds nothing to the test class path but itself: the emulator's dependencies stay in its process. */
class ClassPathTest {

    @Test
    void theOnlyArtifactOfTheExtensionIsItsOwnJar() {
        List<String> ours = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("soracommock") || entry.contains("tools" + File.separator + "jackson")
                        || entry.contains("spring-boot-4") || entry.contains("h2database"))
                .map(entry -> entry.substring(entry.lastIndexOf(File.separatorChar) + 1))
                .toList();
        assertEquals(1, ours.size(), "from the extension: " + ours);
        assertEquals(true, ours.get(0).startsWith("soracom-mock-junit-"), ours.toString());
    }
}
