package dev.soracommock.kernel;

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
 * The error-code table of docs/error-codes.md is generated from {@link ErrorCode} (between the error-codes markers);
 * the test fails when it is stale. Run with {@code -Dcoverage.write=true} to rewrite it.
 */
class ErrorCodesDocTest {

    // the module's directory is the tests' working directory
    private static final Path FILE = Path.of("..", "docs", "error-codes.md");
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
    void errorCodesPageListsEveryCode() throws IOException {
        assertThat(Files.exists(FILE)).as(FILE + " exists").isTrue();
        String page = Files.readString(FILE, StandardCharsets.UTF_8);
        int start = page.indexOf(START);
        int end = page.indexOf(END);
        assertThat(start).as(FILE + " has " + START).isNotNegative();
        assertThat(end).as(FILE + " has " + END).isGreaterThan(start);
        String expected = page.substring(0, start + START.length()) + "\n" + table() + page.substring(end);
        if (Boolean.getBoolean("coverage.write")) {
            Files.writeString(FILE, expected, StandardCharsets.UTF_8);
            page = expected;
        }
        assertThat(page).as(FILE + "'s error-code table is stale: run ./mvnw -B test -Dtest=ErrorCodesDocTest -Dcoverage.write=true")
                .isEqualTo(expected);
    }
}
