package dev.soracommock.subscriber;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each subscription (plan) allows: speed classes (soracom-facts §4.2), bundles and standby (§3.4, §4.1).
 */
final class Plans {

    static final String DEFAULT_SANDBOX_SUBSCRIPTION = "plan01s";
    static final String VIRTUAL_SUBSCRIPTION = "planArc01";

    private static final List<String> S1 = List.of("s1.minimum", "s1.slow", "s1.standard", "s1.fast", "s1.4xfast");

    private static final Map<String, List<String>> SPEED_CLASSES = Map.ofEntries(
            Map.entry("plan01s", S1),
            Map.entry("plan01s-low_data_volume", S1),
            Map.entry("planXM1", S1),
            Map.entry("planX3", S1),
            Map.entry("planP1", S1),
            Map.entry("plan-D", S1),
            Map.entry("plan-K2", S1),
            Map.entry("plan-K", S1),
            Map.entry("plan-US", List.of("s1.minimum", "s1.slow", "s1.standard", "s1.fast", "s1.4xfast", "s1.8xfast")),
            Map.entry("plan-DU", List.of("u1.standard", "u1.slow")),
            Map.entry("plan-KM1", List.of("t1.standard")),
            Map.entry(VIRTUAL_SUBSCRIPTION, List.of("arc.standard")));

    /** Which subscription each bundle belongs to (sandboxCreateSubscriberRequest.bundles; US-* bundles of putBundles). */
    private static final Map<String, String> BUNDLES = Map.of(
            "X3-5MB", "planX3",
            "D-500MB", "plan-D",
            "DU-10GB", "plan-DU",
            "DU-50GB", "plan-DU",
            "DU-100GB", "plan-DU",
            "K2-500MB", "plan-K2");

    /**
     * Plans that cannot stand by: plan-D and plan-K are named by Soracom's documentation; the statuses table marks
     * a third one [UNKNOWN which]: plan-KM1 is chosen. A virtual SIM (planArc01) has no standby either.
     */
    private static final Set<String> NO_STANDBY = Set.of("plan-D", "plan-K", "plan-KM1", VIRTUAL_SUBSCRIPTION);

    private Plans() {
    }

    static List<String> speedClasses(String subscription) {
        return SPEED_CLASSES.getOrDefault(subscription, S1);
    }

    /** The speed class a new SIM of this subscription starts with ([UNKNOWN] beyond plan01s: the plan's standard). */
    static String defaultSpeedClass(String subscription) {
        List<String> classes = speedClasses(subscription);
        return classes.stream().filter(c -> c.endsWith(".standard")).findFirst().orElse(classes.get(0));
    }

    static boolean bundleFits(String bundle, String subscription) {
        return subscription.equals(bundle.startsWith("US-") ? "plan-US" : BUNDLES.get(bundle));
    }

    static boolean canStandBy(String subscription) {
        return !NO_STANDBY.contains(subscription);
    }
}
