package dev.soracommock.subscriber;

import dev.soracommock.kernel.SqlLike;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The list filters and the search, as SQL, keyset-paged: ORDER BY key, key > after, FETCH FIRST n+1. The SQL is built
 * from fixed fragments; every value is a named parameter. A page is one query for its rows, then one for the
 * subscriptions and one for the tags of all its SIMs ({@link SimStore#withChildren}). Every query takes the operator
 * ID first.
 */
@Repository
class SimQueries {

    /** Filters of {@code GET /subscribers}; null = no filter. Multi-valued ones hold alternatives. */
    record SubscriberFilter(String tagName, String tagValue, boolean tagPrefix, List<String> statuses,
            List<String> speedClasses, List<String> serialNumbers) {
    }

    /**
     * One search term of {@code /query/...}: alternatives (OR) matched against a field. {@code exact} compares
     * case-insensitively for equality, otherwise "contains".
     */
    record Term(String field, List<String> values) {
    }

    /** A search: terms combined with AND or OR, plus the session filter (always AND). */
    record Search(List<Term> terms, boolean or, Boolean online, Function<String, Collection<String>> groupIdsByName) {
    }

    private final JdbcClient jdbc;
    private final SimStore sims;

    SimQueries(JdbcClient jdbc, SimStore sims) {
        this.jdbc = jdbc;
        this.sims = sims;
    }

    /** A page row of the subscriber list: the IMSI and its SIM (children attached after the page is read). */
    private record SubscriberRow(String imsi, Sim sim) {
    }

    /**
     * The subscriptions of a page of {@code GET /subscribers}, in IMSI order: one query for the page (each
     * subscription joined with its SIM), then the subscriptions and tags of all the page's SIMs in one query each.
     * Each statement reads what is committed (the caller holds no transaction on purpose); a subscription gone between
     * the statements (its SIM deleted) is left out.
     */
    List<Subscription> listSubscribers(String operatorId, SubscriberFilter f, String after, int fetchSize) {
        Sql sql = new Sql("select sub.imsi as page_imsi, " + SimStore.SIM_COLUMNS
                + " from sim_subscription sub join sim s on s.sim_id = sub.sim_id where sub.operator_id = ")
                .value(operatorId);
        if (after != null) {
            sql.append(" and sub.imsi > ").value(after);
        }
        if (f.tagName() != null) {
            sql.append(" and exists (select 1 from sim_tag t where t.sim_id = s.sim_id and t.tag_name = ")
                    .value(f.tagName());
            if (f.tagPrefix()) {
                sql.append(" and t.tag_value like ").value(SqlLike.literal(f.tagValue()) + "%").append(" escape '\\')");
            } else {
                sql.append(" and t.tag_value = ").value(f.tagValue()).append(")");
            }
        }
        if (f.statuses() != null) {
            sql.append(" and s.status in (").value(f.statuses()).append(")");
        }
        if (f.speedClasses() != null) {
            sql.append(" and s.speed_class in (").value(f.speedClasses()).append(")");
        }
        if (f.serialNumbers() != null) {
            List<String> any = new ArrayList<>();
            for (String s : f.serialNumbers()) {
                any.add("s.serial_number like " + sql.bind(SqlLike.literal(s) + "%") + " escape '\\'");
            }
            sql.append(" and ").append(or(any));
        }
        sql.append(" order by sub.imsi").limit(fetchSize);
        // two subscriptions of one SIM on the page share one SIM object
        Map<String, Sim> byId = new LinkedHashMap<>();
        List<SubscriberRow> rows = sql.run(jdbc).query((rs, i) -> {
            Sim sim = byId.get(rs.getString("sim_id"));
            if (sim == null) {
                sim = SimStore.SIM.mapRow(rs, i);
                byId.put(sim.simId(), sim);
            }
            return new SubscriberRow(rs.getString("page_imsi"), sim);
        }).list();
        sims.withChildren(new ArrayList<>(byId.values()));
        List<Subscription> page = new ArrayList<>(rows.size());
        for (SubscriberRow row : rows) {
            row.sim().subscriptions().stream().filter(s -> s.imsi().equals(row.imsi())).findFirst().ifPresent(page::add);
        }
        return page;
    }

    /** The SIMs of a page of {@code /query/sims} (and {@code /query/subscribers}), in SIM ID order. */
    List<Sim> search(String operatorId, Search s, String after, int fetchSize) {
        Sql sql = new Sql("select " + SimStore.SIM_COLUMNS + " from sim s where s.operator_id = ").value(operatorId);
        if (after != null) {
            sql.append(" and s.sim_id > ").value(after);
        }
        if (s.online() != null) {
            sql.append(" and s.online = ").value(s.online());
        }
        List<String> terms = new ArrayList<>();
        for (Term term : s.terms()) {
            List<String> any = new ArrayList<>();
            for (String v : term.values()) {
                any.add(match(sql, term.field(), v, operatorId, s));
            }
            terms.add(or(any));
        }
        if (!terms.isEmpty()) {
            sql.append(" and (").append(String.join(s.or() ? " or " : " and ", terms)).append(")");
        }
        sql.append(" order by s.sim_id").limit(fetchSize);
        return sims.withChildren(sql.run(jdbc).query(SimStore.SIM).list());
    }

    /** The condition of one value of a term, its parameters bound on {@code sql}. */
    private static String match(Sql sql, String field, String value, String operatorId, Search s) {
        String contains = "%" + SqlLike.literal(value.toLowerCase(Locale.ROOT)) + "%";
        switch (field) {
            case "sim_id":
                return like("s.sim_id", sql.bind(contains));
            case "serial_number":
                return like("s.serial_number", sql.bind(contains));
            case "status":
                return like("s.status", sql.bind(contains));
            case "module_type":
                return like("s.module_type", sql.bind(contains));
            case "group_id":
                return "s.group_id = " + sql.bind(value);
            case "group": {
                Collection<String> byName = s.groupIdsByName().apply(value);
                String idLike = like("s.group_id", sql.bind(contains));
                return byName.isEmpty() ? idLike : "(" + idLike + " or s.group_id in (" + sql.bind(byName) + "))";
            }
            case "name":
            case "tag":
                return "exists (select 1 from sim_tag t where t.sim_id = s.sim_id and t.operator_id = "
                        + sql.bind(operatorId) + (field.equals("name") ? " and t.tag_name = 'name'" : "")
                        + " and " + like("t.tag_value", sql.bind(contains)) + ")";
            default: {
                String p = switch (field) {
                    case "imsi" -> like("sub.imsi", sql.bind(contains));
                    case "msisdn" -> like("sub.msisdn", sql.bind(contains));
                    case "iccid" -> like("sub.iccid", sql.bind(contains));
                    case "bundles" -> like("sub.bundles", sql.bind(contains));
                    case "subscription" -> "lower(sub.subscription) = " + sql.bind(value.toLowerCase(Locale.ROOT));
                    default -> throw new IllegalArgumentException(field);
                };
                return "exists (select 1 from sim_subscription sub where sub.sim_id = s.sim_id and " + p + ")";
            }
        }
    }

    private static String like(String column, String parameter) {
        return "lower(" + column + ") like " + parameter + " escape '\\'";
    }

    /** Alternatives; none is false (as a disjunction of nothing). */
    private static String or(List<String> any) {
        return any.isEmpty() ? "1 = 0" : "(" + String.join(" or ", any) + ")";
    }

    /** SQL text of fixed fragments, and the named parameters ({@code :p0}, {@code :p1} …) the values are bound to. */
    private static final class Sql {

        private final StringBuilder text;
        private final Map<String, Object> params = new LinkedHashMap<>();

        Sql(String start) {
            this.text = new StringBuilder(start);
        }

        Sql append(String fragment) {
            text.append(fragment);
            return this;
        }

        /** Binds a value (a collection expands to a list) and appends its parameter. */
        Sql value(Object value) {
            return append(bind(value));
        }

        /** Binds a value and returns its parameter, to place in a fragment. */
        String bind(Object value) {
            String name = "p" + params.size();
            params.put(name, value);
            return ":" + name;
        }

        /** FETCH FIRST n ROWS ONLY, unless all are asked for ({@link Integer#MAX_VALUE}). */
        Sql limit(int fetchSize) {
            if (fetchSize != Integer.MAX_VALUE) {
                append(" fetch first ").value(fetchSize).append(" rows only");
            }
            return this;
        }

        JdbcClient.StatementSpec run(JdbcClient jdbc) {
            return jdbc.sql(text.toString()).params(params);
        }
    }
}
