package dev.soracommock.kernel;

/** LIKE patterns built from user input: the input is a literal, escaped with {@code \} (every query says ESCAPE '\'). */
public final class SqlLike {

    private SqlLike() {
    }

    /** The value with {@code \}, {@code %} and {@code _} escaped, to put inside a LIKE pattern. */
    public static String literal(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
