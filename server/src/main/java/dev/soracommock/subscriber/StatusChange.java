package dev.soracommock.subscriber;

import java.util.Arrays;
import java.util.List;

/**
 * One recorded change of a SIM's status, speed class or group (GET /sims/{sim_id}/statuses/history): table
 * {@code sim_status_history}, {@link StatusChangeStore}; the ID is the table's identity, null until stored.
 */
class StatusChange {

    private Long id;

    private String operatorId;

    private String simId;

    private String imsi;

    private String status;

    private String speedClass;

    private String subscription;

    private String bundles;

    private String groupId;

    private long appliedAt;

    /** A change as stored (a row of {@code sim_status_history}). */
    StatusChange(Long id, String operatorId, String simId, String imsi, String status, String speedClass,
            String subscription, String bundles, String groupId, long appliedAt) {
        this.id = id;
        this.operatorId = operatorId;
        this.simId = simId;
        this.imsi = imsi;
        this.status = status;
        this.speedClass = speedClass;
        this.subscription = subscription;
        this.bundles = bundles;
        this.groupId = groupId;
        this.appliedAt = appliedAt;
    }

    StatusChange(Sim sim, long now) {
        Subscription primary = sim.primary();
        this.operatorId = sim.operatorId();
        this.simId = sim.simId();
        this.imsi = primary.imsi();
        this.status = sim.status();
        this.speedClass = sim.speedClass();
        this.subscription = primary.subscription();
        this.bundles = String.join(",", primary.bundles());
        this.groupId = sim.groupId();
        this.appliedAt = now;
    }

    Long id() { return id; }
    String operatorId() { return operatorId; }
    String simId() { return simId; }
    String imsi() { return imsi; }
    String status() { return status; }
    String speedClass() { return speedClass; }
    String subscription() { return subscription; }
    String groupId() { return groupId; }
    long appliedAt() { return appliedAt; }

    /** The bundles as stored: comma-separated names. */
    String bundlesColumn() {
        return bundles;
    }

    List<String> bundles() {
        return bundles == null || bundles.isEmpty() ? List.of() : Arrays.asList(bundles.split(","));
    }
}
