package dev.soracommock.subscriber;

import dev.soracommock.kernel.SqlLike;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.stereotype.Repository;

/**
 * The list filters and the search, as SQL (criteria queries), keyset-paged: ORDER BY key, key > after, LIMIT n+1.
 * Every query takes the operator ID first.
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

    private final EntityManager em;

    SimQueries(EntityManager em) {
        this.em = em;
    }

    List<Subscription> listSubscribers(String operatorId, SubscriberFilter f, String after, int fetchSize) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Subscription> q = cb.createQuery(Subscription.class);
        Root<Subscription> sub = q.from(Subscription.class);
        // fetched with the subscription: one query for the page instead of one more per SIM
        @SuppressWarnings("unchecked")
        Join<Subscription, Sim> sim = (Join<Subscription, Sim>) sub.<Subscription, Sim>fetch("sim", JoinType.INNER);
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(sub.get("operatorId"), operatorId));
        if (after != null) {
            where.add(cb.greaterThan(sub.get("imsi"), after));
        }
        if (f.tagName() != null) {
            Subquery<Integer> t = q.subquery(Integer.class);
            Root<SimTag> tag = t.from(SimTag.class);
            Predicate value = f.tagPrefix()
                    ? cb.like(tag.get("value"), SqlLike.literal(f.tagValue()) + "%", '\\')
                    : cb.equal(tag.get("value"), f.tagValue());
            t.select(cb.literal(1)).where(cb.equal(tag.get("sim"), sim), cb.equal(tag.get("name"), f.tagName()), value);
            where.add(cb.exists(t));
        }
        if (f.statuses() != null) {
            where.add(sim.get("status").in(f.statuses()));
        }
        if (f.speedClasses() != null) {
            where.add(sim.get("speedClass").in(f.speedClasses()));
        }
        if (f.serialNumbers() != null) {
            List<Predicate> any = new ArrayList<>();
            for (String s : f.serialNumbers()) {
                any.add(cb.like(sim.get("serialNumber"), SqlLike.literal(s) + "%", '\\'));
            }
            where.add(cb.or(any.toArray(Predicate[]::new)));
        }
        q.select(sub).where(where.toArray(Predicate[]::new)).orderBy(cb.asc(sub.get("imsi")));
        return limited(em.createQuery(q), fetchSize);
    }

    List<Sim> search(String operatorId, Search s, String after, int fetchSize) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Sim> q = cb.createQuery(Sim.class);
        Root<Sim> sim = q.from(Sim.class);
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(sim.get("operatorId"), operatorId));
        if (after != null) {
            where.add(cb.greaterThan(sim.get("simId"), after));
        }
        if (s.online() != null) {
            where.add(cb.equal(sim.get("online"), s.online()));
        }
        List<Predicate> terms = new ArrayList<>();
        for (Term term : s.terms()) {
            List<Predicate> any = new ArrayList<>();
            for (String v : term.values()) {
                any.add(match(cb, q, sim, term.field(), v, operatorId, s));
            }
            terms.add(cb.or(any.toArray(Predicate[]::new)));
        }
        if (!terms.isEmpty()) {
            where.add(s.or() ? cb.or(terms.toArray(Predicate[]::new)) : cb.and(terms.toArray(Predicate[]::new)));
        }
        q.select(sim).where(where.toArray(Predicate[]::new)).orderBy(cb.asc(sim.get("simId")));
        return limited(em.createQuery(q), fetchSize);
    }

    private Predicate match(CriteriaBuilder cb, CriteriaQuery<?> q, Root<Sim> sim, String field, String value,
            String operatorId, Search s) {
        String contains = "%" + SqlLike.literal(value.toLowerCase(Locale.ROOT)) + "%";
        switch (field) {
            case "sim_id":
                return like(cb, sim.get("simId"), contains);
            case "serial_number":
                return like(cb, sim.get("serialNumber"), contains);
            case "status":
                return like(cb, sim.get("status"), contains);
            case "module_type":
                return like(cb, sim.get("moduleType"), contains);
            case "group_id":
                return cb.equal(sim.get("groupId"), value);
            case "group": {
                Collection<String> byName = s.groupIdsByName().apply(value);
                Predicate idLike = like(cb, sim.get("groupId"), contains);
                return byName.isEmpty() ? idLike : cb.or(idLike, sim.get("groupId").in(byName));
            }
            case "name":
            case "tag": {
                Subquery<Integer> t = q.subquery(Integer.class);
                Root<SimTag> tag = t.from(SimTag.class);
                List<Predicate> p = new ArrayList<>();
                p.add(cb.equal(tag.get("sim"), sim));
                p.add(cb.equal(tag.get("operatorId"), operatorId));
                if (field.equals("name")) {
                    p.add(cb.equal(tag.get("name"), "name"));
                }
                p.add(like(cb, tag.get("value"), contains));
                t.select(cb.literal(1)).where(p.toArray(Predicate[]::new));
                return cb.exists(t);
            }
            default: {
                Subquery<Integer> t = q.subquery(Integer.class);
                Root<Subscription> sub = t.from(Subscription.class);
                Predicate p = switch (field) {
                    case "imsi" -> like(cb, sub.get("imsi"), contains);
                    case "msisdn" -> like(cb, sub.get("msisdn"), contains);
                    case "iccid" -> like(cb, sub.get("iccid"), contains);
                    case "bundles" -> like(cb, sub.get("bundles"), contains);
                    case "subscription" -> cb.equal(cb.lower(sub.get("subscription")), value.toLowerCase(Locale.ROOT));
                    default -> throw new IllegalArgumentException(field);
                };
                t.select(cb.literal(1)).where(cb.equal(sub.get("sim"), sim), p);
                return cb.exists(t);
            }
        }
    }

    private static Predicate like(CriteriaBuilder cb, Expression<String> field, String pattern) {
        return cb.like(cb.lower(field), pattern, '\\');
    }

    private static <T> List<T> limited(TypedQuery<T> query, int fetchSize) {
        if (fetchSize != Integer.MAX_VALUE) {
            query.setMaxResults(fetchSize);
        }
        return query.getResultList();
    }
}
