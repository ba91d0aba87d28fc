package dev.soracommock.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV of every export (stats, bills): RFC 4180 through Commons CSV — a header line, one record per row, a field
 * quoted when it holds a comma, a quote or a line break, lines ended by {@code \n}.
 */
public final class Csv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private Csv() {
    }

    /** The file: {@code header}, then the rows {@code rows} adds, each a list of values ({@code null} as empty). */
    public static String write(List<String> header, Consumer<List<List<?>>> rows) {
        List<List<?>> records = new ArrayList<>();
        rows.accept(records);
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header);
            for (List<?> record : records) {
                printer.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }
}
