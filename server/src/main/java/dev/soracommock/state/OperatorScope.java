package dev.soracommock.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What an operator owns, derived from the schema so that a table added by a migration is covered without a change
 * here: a table's row belongs to an operator when the table references {@code operator} by a foreign key (or has an
 * {@code operator_id} column) holding its ID, or when the row references, by a foreign key, a row that belongs to it
 * (a group's tags through the group). Each owned table gets an SQL condition over the alias {@code t0} with the named
 * parameter {@code :op}.
 *
 * <p>The operator's own row and its root credentials (auth keys and API sessions without a SAM user) are not part of
 * what it owns: an operator reset keeps them, a fork makes new ones.
 */
@Component
class OperatorScope {

    static final String OPERATOR = "operator";
    static final String OPERATOR_ID = "operator_id";

    /**
     * Tables that hold the root credentials: their rows whose {@code user_name} is null are the operator's own (its
     * login, not its state); rows of SAM users are state.
     */
    static final List<String> CREDENTIALS = List.of("auth_key", "api_session");
    static final String USER_NAME = "user_name";

    /** An owned table and the condition that selects the operator's rows (alias {@code t0}). */
    record Owned(StateSchema.Table table, String condition) {
    }

    private final StateSchema schema;
    private volatile List<Owned> owned;

    OperatorScope(StateSchema schema) {
        this.schema = schema;
    }

    /** Every owned table, parents before children. */
    List<Owned> owned() {
        List<Owned> o = owned;
        if (o == null) {
            o = compute(schema.get());
            owned = o;
        }
        return o;
    }

    /** The columns of a table that hold the owning operator's ID (foreign keys to {@code operator}, {@code operator_id}). */
    static List<String> ownerColumns(StateSchema.Table t) {
        List<String> cols = new ArrayList<>();
        for (StateSchema.ForeignKey fk : t.foreignKeys()) {
            if (fk.parent().equals(OPERATOR) && fk.columns().size() == 1 && !cols.contains(fk.columns().get(0))) {
                cols.add(fk.columns().get(0));
            }
        }
        if (cols.isEmpty() && t.has(OPERATOR_ID)) {
            cols.add(OPERATOR_ID);
        }
        return cols;
    }

    private static List<Owned> compute(StateSchema.Schema s) {
        Map<String, Optional<String>> memo = new HashMap<>();
        Map<String, Owned> result = new LinkedHashMap<>();
        for (StateSchema.Table t : s.tables().values()) {
            if (t.name().equals(OPERATOR)) {
                continue;
            }
            condition(s, t, 0, memo).ifPresent(c -> {
                String full = CREDENTIALS.contains(t.name()) && t.has(USER_NAME)
                        ? "(" + c + ") and t0." + t.quoted(USER_NAME) + " is not null" : c;
                result.put(t.name(), new Owned(t, full));
            });
        }
        return List.copyOf(result.values());
    }

    /** The condition for table t under alias t{depth}, or empty when t is not owned by operators. */
    private static Optional<String> condition(StateSchema.Schema s, StateSchema.Table t, int depth,
            Map<String, Optional<String>> memo) {
        String alias = "t" + depth;
        List<String> owners = ownerColumns(t);
        if (!owners.isEmpty()) {
            return Optional.of(alias + "." + t.quoted(owners.get(0)) + " = :op");
        }
        if (depth > 8) {
            return Optional.empty();
        }
        String key = t.name() + "@" + depth;
        if (memo.containsKey(key)) {
            return memo.get(key);
        }
        memo.put(key, Optional.empty()); // guards against cycles
        List<String> via = new ArrayList<>();
        for (StateSchema.ForeignKey fk : t.foreignKeys()) {
            StateSchema.Table parent = s.table(fk.parent());
            if (parent == null || parent.name().equals(t.name()) || parent.name().equals(OPERATOR)) {
                continue;
            }
            Optional<String> parentCondition = condition(s, parent, depth + 1, memo);
            if (parentCondition.isEmpty()) {
                continue;
            }
            String p = "t" + (depth + 1);
            StringBuilder b = new StringBuilder("exists (select 1 from ").append(parent.quoted()).append(' ').append(p)
                    .append(" where ");
            for (int i = 0; i < fk.columns().size(); i++) {
                b.append(p).append('.').append(parent.quoted(fk.parentColumns().get(i))).append(" = ")
                        .append(alias).append('.').append(t.quoted(fk.columns().get(i))).append(" and ");
            }
            b.append(parentCondition.get()).append(')');
            via.add(b.toString());
        }
        Optional<String> c = via.isEmpty() ? Optional.empty()
                : Optional.of(via.size() == 1 ? via.get(0) : "(" + String.join(" or ", via) + ")");
        memo.put(key, c);
        return c;
    }
}
