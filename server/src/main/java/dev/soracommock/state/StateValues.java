package dev.soracommock.state;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * How a column value is written in a state document and read back, by JDBC type, so that values round-trip exactly:
 * integers and decimals as JSON numbers (decimals also accepted as strings), booleans as JSON booleans, text and
 * CLOBs as strings, dates and times as ISO-8601 strings, binary data as base64, SQL NULL as null.
 */
final class StateValues {

    private StateValues() {
    }

    /** A value that does not fit its column; the message says why. */
    static final class Mismatch extends Exception {
        Mismatch(String message) {
            super(message, null, false, false);
        }
    }

    /** The value of column {@code i} of the current row as it is written in a state document. */
    static Object read(ResultSet rs, int i, StateSchema.Column c) throws SQLException {
        Object v = switch (kind(c)) {
            case BOOLEAN -> rs.getBoolean(i);
            case INTEGER -> rs.getLong(i);
            case DECIMAL -> rs.getBigDecimal(i);
            case FLOAT -> rs.getDouble(i);
            case DATE -> string(rs.getObject(i, LocalDate.class));
            case TIME -> string(rs.getObject(i, LocalTime.class));
            case TIME_TZ -> string(rs.getObject(i, OffsetTime.class));
            case TIMESTAMP -> string(rs.getObject(i, LocalDateTime.class));
            case TIMESTAMP_TZ -> string(rs.getObject(i, OffsetDateTime.class));
            case BINARY -> {
                byte[] b = rs.getBytes(i);
                yield b == null ? null : Base64.getEncoder().encodeToString(b);
            }
            case TEXT, OTHER -> rs.getString(i);
        };
        return rs.wasNull() ? null : v;
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }

    /** The JDBC value for a document value, or why it does not fit the column. */
    static Object toJdbc(Object v, StateSchema.Column c) throws Mismatch {
        if (v == null) {
            return null;
        }
        try {
            return switch (kind(c)) {
                case BOOLEAN -> {
                    if (v instanceof Boolean b) {
                        yield b;
                    }
                    throw new Mismatch("expected true or false");
                }
                case INTEGER -> integer(v);
                case DECIMAL -> {
                    if (v instanceof String s) {
                        yield new BigDecimal(s.trim());
                    }
                    if (v instanceof BigDecimal d) {
                        yield d;
                    }
                    if (v instanceof Double || v instanceof Float) {
                        yield BigDecimal.valueOf(((Number) v).doubleValue());
                    }
                    if (v instanceof Number n) {
                        yield new BigDecimal(n.toString());
                    }
                    throw new Mismatch("expected a number");
                }
                case FLOAT -> {
                    if (v instanceof Number n) {
                        yield n.doubleValue();
                    }
                    throw new Mismatch("expected a number");
                }
                case DATE -> LocalDate.parse(text(v, "an ISO-8601 date"));
                case TIME -> LocalTime.parse(text(v, "an ISO-8601 time"));
                case TIME_TZ -> OffsetTime.parse(text(v, "an ISO-8601 time with offset"));
                case TIMESTAMP -> LocalDateTime.parse(text(v, "an ISO-8601 date-time"));
                case TIMESTAMP_TZ -> OffsetDateTime.parse(text(v, "an ISO-8601 date-time with offset"));
                case BINARY -> Base64.getDecoder().decode(text(v, "base64 text"));
                case TEXT, OTHER -> text(v, "a string");
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new Mismatch("not a valid " + c.typeName().toLowerCase() + ": " + brief(v));
        } catch (IllegalArgumentException e) {
            throw new Mismatch("not base64: " + brief(v));
        }
    }

    private static Object integer(Object v) throws Mismatch {
        if (v instanceof Long) {
            // as a state document's integers are read (StateDocumentJson): no new object
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            if (b.bitLength() < 64) {
                return b.longValue();
            }
            throw new Mismatch("out of range: " + b);
        }
        if (v instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                throw new Mismatch("expected an integer, got " + d);
            }
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 9.0e15) {
            return n.longValue();
        }
        throw new Mismatch("expected an integer, got " + brief(v));
    }

    private static String text(Object v, String expected) throws Mismatch {
        if (v instanceof String s) {
            return s;
        }
        throw new Mismatch("expected " + expected + ", got " + brief(v));
    }

    static String brief(Object v) {
        String s = v instanceof String str ? "\"" + str + "\"" : String.valueOf(v);
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }

    /** Binds a value made by {@link #toJdbc}. */
    static void bind(PreparedStatement ps, int i, Object v, StateSchema.Column c) throws SQLException {
        if (v == null) {
            ps.setNull(i, c.type());
            return;
        }
        switch (kind(c)) {
            case BOOLEAN -> ps.setBoolean(i, (Boolean) v);
            case INTEGER -> ps.setLong(i, (Long) v);
            case DECIMAL -> ps.setBigDecimal(i, (BigDecimal) v);
            case FLOAT -> ps.setDouble(i, (Double) v);
            case BINARY -> ps.setBytes(i, (byte[]) v);
            case TEXT -> ps.setString(i, (String) v);
            // uuid, json and other types of PostgreSQL: the database converts the text
            case OTHER -> ps.setObject(i, v, Types.OTHER);
            default -> ps.setObject(i, v);
        }
    }

    /** A value as compared for keys (the document form). */
    static String canonical(Object v) {
        if (v == null) {
            return "\u0000null";
        }
        if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }

    enum Kind { BOOLEAN, INTEGER, DECIMAL, FLOAT, DATE, TIME, TIME_TZ, TIMESTAMP, TIMESTAMP_TZ, BINARY, TEXT, OTHER }

    static Kind kind(StateSchema.Column c) {
        return switch (c.type()) {
            case Types.BIT, Types.BOOLEAN -> Kind.BOOLEAN;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Kind.INTEGER;
            case Types.DECIMAL, Types.NUMERIC -> Kind.DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> Kind.FLOAT;
            case Types.DATE -> Kind.DATE;
            // PostgreSQL's driver reports timestamptz and timetz as TIMESTAMP and TIME
            case Types.TIME -> zoned(c) ? Kind.TIME_TZ : Kind.TIME;
            case Types.TIME_WITH_TIMEZONE -> Kind.TIME_TZ;
            case Types.TIMESTAMP -> zoned(c) ? Kind.TIMESTAMP_TZ : Kind.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> Kind.TIMESTAMP_TZ;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Kind.BINARY;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB -> Kind.TEXT;
            default -> Kind.OTHER;
        };
    }

    private static boolean zoned(StateSchema.Column c) {
        String t = c.typeName() == null ? "" : c.typeName().toLowerCase(java.util.Locale.ROOT);
        return t.endsWith("tz") || t.contains("time zone");
    }
}
