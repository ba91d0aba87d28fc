package dev.soracommock.state;

import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.Identifiers;
import dev.soracommock.kernel.SimIdentifiers;
import dev.soracommock.kernel.Secrets;
import dev.soracommock.operator.AuthService;
import dev.soracommock.operator.OperatorService;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /_mock/operators/{id}/fork}: copies an operator's state ({@link OperatorScope}) into new operators,
 * for tests that run in parallel from one prepared state. Each copy gets its own operator ID, e-mail, password,
 * root auth key and a ready API key and token, and its own value for every identifier that must be unique across
 * operators, so copies never collide and changing one leaves the others alone.
 *
 * <p>Which values are identifiers is read from the schema: the columns of a unique key (primary key or unique
 * index) that is not scoped by the operator or by a parent row, plus the telecom and order identifiers Soracom keeps
 * unique everywhere ({@link #GLOBAL}). Every identifier value gets a fresh value of the same shape (UUIDs stay
 * UUIDs, an IMSI keeps its first five digits, {@code TS…} serial numbers their prefix, IPv4 addresses stay in
 * 10.0.0.0/8), and the same old value gets the same new value in every column and inside text (JSON bodies, CSV
 * exports), so references between rows hold. Identity columns are given new values by the database.
 *
 * <p>Left out, because a copy cannot be faithful: API sessions (the source's API keys and tokens; each copy gets one
 * new session instead) and the source's root auth keys (each copy gets one new key). SAM users are copied with their
 * passwords; their auth keys get new IDs (the secrets are those of the source).
 */
@Component
class OperatorFork {

    /** Column names whose values Soracom keeps unique across operators, even where the schema scopes them. */
    static final Set<String> GLOBAL = Set.of("imsi", "iccid", "msisdn", "sim_id", "serial_number", "order_id");

    /** Tables not copied (see the class comment). */
    static final Set<String> NOT_COPIED = Set.of("api_session");

    private static final Pattern UUID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    /** A new operator and how to log in as it. */
    record Forked(String operatorId, String email, String password, String authKeyId, String authKey, String apiKey,
            String token) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final StateSchema schema;
    private final OperatorScope scope;
    private final OperatorReset reset;
    private final StateTransfer transfer;
    private final OperatorService operators;
    private final AuthService auth;
    private final Identifiers ids;
    private final SimIdentifiers simIds;
    private final Secrets secrets;
    private final MockClock clock;
    private final TransactionTemplate tx;

    OperatorFork(NamedParameterJdbcTemplate jdbc, StateSchema schema, OperatorScope scope, OperatorReset reset,
            StateTransfer transfer, OperatorService operators, AuthService auth, Identifiers ids, SimIdentifiers simIds,
            Secrets secrets, MockClock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.scope = scope;
        this.reset = reset;
        this.transfer = transfer;
        this.operators = operators;
        this.auth = auth;
        this.ids = ids;
        this.simIds = simIds;
        this.secrets = secrets;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Rows of one table, values in the document form ({@link StateValues}). */
    private record Rows(StateSchema.Table table, List<StateSchema.Column> columns, List<Object[]> rows) {
    }

    List<Forked> fork(String operatorId, int count) {
        reset.requireOperator(operatorId);
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> {
                    List<Rows> source = read(operatorId);
                    List<Forked> forked = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        forked.add(copy(operatorId, source));
                    }
                    return forked;
                });
            } catch (DataIntegrityViolationException collided) {
                // a fresh identifier that another operator holds already (unlikely): draw again
                if (attempt == 3) {
                    throw new ApiException(ErrorCode.CONCURRENT_MODIFICATION);
                }
            }
        }
    }

    private List<Rows> read(String operatorId) {
        StateSchema.Schema s = schema.get();
        List<Rows> rows = new ArrayList<>();
        StateSchema.Table op = s.table(OperatorScope.OPERATOR);
        rows.add(select(op, "t0." + op.quoted(OperatorScope.OPERATOR_ID) + " = :op", operatorId));
        for (OperatorScope.Owned o : scope.owned()) {
            if (!NOT_COPIED.contains(o.table().name())) {
                rows.add(select(o.table(), o.condition(), operatorId));
            }
        }
        return rows;
    }

    private Rows select(StateSchema.Table t, String condition, String operatorId) {
        List<StateSchema.Column> cols = t.writable();
        String sql = "select " + cols.stream().map(c -> "t0." + StateSchema.quote(c.sql())).collect(Collectors.joining(", "))
                + " from " + t.quoted() + " t0 where " + condition;
        List<Object[]> rows = jdbc.query(sql, Map.of("op", operatorId), (ResultSet rs, int n) -> {
            Object[] row = new Object[cols.size()];
            for (int i = 0; i < cols.size(); i++) {
                row[i] = StateValues.read(rs, i + 1, cols.get(i));
            }
            return row;
        });
        return new Rows(t, cols, rows);
    }

    private Forked copy(String sourceId, List<Rows> source) {
        String operatorId = newOperatorId();
        String email = newEmail(sourceId);
        String password = "fork-" + ids.alphanumeric(20);
        Map<String, String> renames = new HashMap<>();
        renames.put(sourceId, operatorId);
        Set<String> taken = new HashSet<>();
        for (Rows r : source) {
            for (Object[] row : r.rows()) {
                for (Object v : row) {
                    if (v instanceof String str) {
                        taken.add(str);
                    }
                }
            }
        }
        for (Rows r : source) {
            List<Integer> idColumns = identifierColumns(r);
            for (Object[] row : r.rows()) {
                for (int i : idColumns) {
                    if (row[i] instanceof String old && !renames.containsKey(old)) {
                        renames.put(old, fresh(old, taken));
                    }
                }
            }
        }
        long now = clock.nowMillis();
        for (Rows r : source) {
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < r.columns().size(); i++) {
                if (!r.columns().get(i).identity()) {
                    keep.add(i);
                }
            }
            List<StateSchema.Column> columns = keep.stream().map(r.columns()::get).toList();
            List<Object[]> rows = new ArrayList<>(r.rows().size());
            for (Object[] row : r.rows()) {
                Object[] out = new Object[keep.size()];
                for (int j = 0; j < keep.size(); j++) {
                    Object v = row[keep.get(j)];
                    out[j] = v instanceof String str ? rename(str, renames) : v;
                }
                if (r.table().name().equals(OperatorScope.OPERATOR)) {
                    set(columns, out, "email", email);
                    set(columns, out, "password_hash", secrets.hash(password));
                    set(columns, out, "created_at", now);
                    set(columns, out, "updated_at", now);
                }
                rows.add(toJdbc(columns, out));
            }
            transfer.write(r.table(), columns, rows);
        }
        OperatorService.NewAuthKey key = operators.generateAuthKey(operatorId);
        AuthService.Credentials credentials = auth.issue(operatorId, null, AuthService.DEFAULT_TTL);
        return new Forked(operatorId, email, password, key.authKeyId(), key.authKey(), credentials.apiKey(),
                credentials.token());
    }

    private static void set(List<StateSchema.Column> columns, Object[] row, String column, Object value) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                row[i] = value;
            }
        }
    }

    private static Object[] toJdbc(List<StateSchema.Column> columns, Object[] row) {
        Object[] out = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            try {
                out[i] = StateValues.toJdbc(row[i], columns.get(i));
            } catch (StateValues.Mismatch m) {
                throw new IllegalStateException(columns.get(i).name() + ": " + m.getMessage());
            }
        }
        return out;
    }

    /**
     * Indexes of the columns whose values are identifiers unique across operators: text columns of a unique key with
     * no column holding the operator's ID and no foreign-key column (those are scoped by the operator or a parent),
     * and the {@link #GLOBAL} names.
     */
    private static List<Integer> identifierColumns(Rows r) {
        StateSchema.Table t = r.table();
        if (t.name().equals(OperatorScope.OPERATOR)) {
            return List.of(); // its ID, e-mail and credentials are made afresh
        }
        Set<String> scoped = new HashSet<>(OperatorScope.ownerColumns(t));
        scoped.add(OperatorScope.OPERATOR_ID);
        t.foreignKeys().forEach(fk -> scoped.addAll(fk.columns()));
        Set<String> names = new HashSet<>();
        for (List<String> key : t.uniqueKeys()) {
            if (key.stream().noneMatch(scoped::contains)) {
                names.addAll(key);
            }
        }
        for (String g : GLOBAL) {
            if (t.has(g)) {
                names.add(g);
            }
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < r.columns().size(); i++) {
            StateSchema.Column c = r.columns().get(i);
            if (names.contains(c.name()) && !c.identity() && StateValues.kind(c) == StateValues.Kind.TEXT) {
                idx.add(i);
            }
        }
        return idx;
    }

    /** The value with every identifier replaced: the whole value, or each identifier-like token inside text. */
    static String rename(String v, Map<String, String> renames) {
        String whole = renames.get(v);
        if (whole != null) {
            return whole;
        }
        if (v.length() < 8) {
            return v;
        }
        StringBuilder out = null;
        int i = 0;
        int n = v.length();
        while (i < n) {
            char c = v.charAt(i);
            if (!tokenChar(c)) {
                if (out != null) {
                    out.append(c);
                }
                i++;
                continue;
            }
            int start = i;
            while (i < n && tokenChar(v.charAt(i))) {
                i++;
            }
            String renamed = i - start >= 6 ? renames.get(v.substring(start, i)) : null;
            if (renamed != null) {
                if (out == null) {
                    out = new StringBuilder(n + 16).append(v, 0, start);
                }
                out.append(renamed);
            } else if (out != null) {
                out.append(v, start, i);
            }
        }
        return out == null ? v : out.toString();
    }

    private static boolean tokenChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
    }

    /** A new value of the same shape as {@code old}, not among {@code taken}. */
    private String fresh(String old, Set<String> taken) {
        for (int attempt = 0; ; attempt++) {
            String v = shape(old);
            if (!taken.contains(v) || attempt > 100) {
                taken.add(v);
                return v;
            }
        }
    }

    private String shape(String old) {
        if (UUID.matcher(old).matches()) {
            String u = ids.uuid().toString();
            return old.equals(old.toUpperCase(Locale.ROOT)) ? u.toUpperCase(Locale.ROOT) : u;
        }
        if (IPV4.matcher(old).matches()) {
            return simIds.tenAddress();
        }
        int keep;
        if (old.chars().allMatch(Character::isDigit)) {
            keep = Math.min(5, old.length() / 2); // MCC+MNC of an IMSI, the issuer of an ICCID, a number's prefix
        } else {
            int sep = Math.max(old.lastIndexOf('-'), old.lastIndexOf('_'));
            if (sep >= 0 && sep < old.length() - 1) {
                keep = sep + 1;
            } else {
                keep = 0;
                while (keep < old.length() && Character.isLetter(old.charAt(keep))) {
                    keep++;
                }
                if (keep == old.length()) {
                    keep = 0;
                }
            }
        }
        String tail = old.substring(keep);
        StringBuilder b = new StringBuilder(old.length()).append(old, 0, keep);
        if (tail.length() >= 4 && HEX.matcher(tail).matches() && !tail.chars().allMatch(Character::isDigit)) {
            String hex = java.util.HexFormat.of().formatHex(ids.bytes((tail.length() + 1) / 2));
            return b.append(hex, 0, tail.length()).toString();
        }
        String digits = ids.digits(tail.length());
        String alnum = ids.alphanumeric(tail.length());
        for (int i = 0; i < tail.length(); i++) {
            char c = tail.charAt(i);
            if (Character.isDigit(c)) {
                b.append(digits.charAt(i));
            } else if (c >= 'a' && c <= 'z') {
                b.append(alnum.charAt(i));
            } else if (c >= 'A' && c <= 'Z') {
                b.append(Character.toUpperCase(alnum.charAt(i)));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private String newOperatorId() {
        String id;
        do {
            id = "OP" + ids.digits(10);
        } while (operators.exists(id));
        return id;
    }

    private String newEmail(String sourceId) {
        String source = operators.get(sourceId).email();
        int at = source.lastIndexOf('@');
        String local = at > 0 ? source.substring(0, at) : source;
        String domain = at > 0 ? source.substring(at + 1) : "soracom-mock.test";
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        String email;
        do {
            email = local + "+fork-" + ids.alphanumeric(8) + "@" + domain;
        } while (operators.emailExists(email));
        return email;
    }
}
