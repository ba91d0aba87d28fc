package dev.soracommock.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exports' CSV keeps a field with a comma, a quote or a line break in one field (RFC 4180). */
class CsvTest {

    @Test
    void fieldsThatHoldSeparatorsAreQuotedAndNullIsEmpty() {
        String csv = Csv.write(List.of("name", "detail", "amount"), rows -> {
            rows.add(Arrays.asList("plain", "a, b", 1));
            rows.add(Arrays.asList("say \"hi\"", "two\nlines", null));
        });
        assertThat(csv).isEqualTo("name,detail,amount\nplain,\"a, b\",1\n\"say \"\"hi\"\"\",\"two\nlines\",\n");
    }
}
