package dev.soracommock.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * README's error-code table is generated from {@link ErrorCode} (between the error-codes markers); the test fails
 * when it is stale. Run with {@code -Dcoverage.write=true} to rewrite it.
 */
class ErrorCodesDocTest {

    private static final Path README = Path.of("README.md");
    private static final String START = "<!-- error-codes:start -->";
    private static final String END = "<!-- error-codes:end -->";

    static String table() {
        StringBuilder b = new StringBuilder("| code | HTTP | message (en) | message (ja) |\n|---|---|---|---|\n");
        for (ErrorCode c : ErrorCode.values()) {
            b.append("| `").append(c.code()).append("` | ").append(c.status().value()).append(" | ")
                    .append(c.template(Language.EN).replace("|", "\\|")).append(" | ")
                    .append(c.template(Language.JA).replace("|", "\\|")).append(" |\n");
        }
        return b.toString();
    }

    @Test
    void codesAreUnique() {
        Set<String> seen = new HashSet<>();
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::code)).allMatch(seen::add);
    }

    @Test
    void everyCodeHasBothLanguagesWithTheSamePlaceholders() {
        for (ErrorCode c : ErrorCode.values()) {
            assertThat(c.template(Language.JA)).as(c.name()).isNotBlank();
            assertThat(count(c.template(Language.JA))).as(c.name()).isEqualTo(count(c.template(Language.EN)));
        }
    }

    private static long count(String s) {
        return s.split("%s", -1).length - 1;
    }

    @Test
    void readmeListsEveryCode() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README has " + START).isNotNegative();
        assertThat(end).as("README has " + END).isGreaterThan(start);
        String expected = readme.substring(0, start + START.length()) + "\n" + table() + readme.substring(end);
        if (Boolean.getBoolean("coverage.write")) {
            Files.writeString(README, expected, StandardCharsets.UTF_8);
            readme = expected;
        }
        assertThat(readme).as("README's error-code table is stale: run ./mvnw -B test -Dtest=ErrorCodesDocTest -Dcoverage.write=true")
                .isEqualTo(expected);
    }
}
