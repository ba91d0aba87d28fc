package dev.soracommock.subscriber;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/** One recorded change of a SIM's status, speed class or group (GET /sims/{sim_id}/statuses/history). */
@Entity
@Table(name = "sim_status_history")
class StatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "operator_id")
    private String operatorId;

    @Column(name = "sim_id")
    private String simId;

    private String imsi;

    private String status;

    @Column(name = "speed_class")
    private String speedClass;

    private String subscription;

    private String bundles;

    @Column(name = "group_id")
    private String groupId;

    @Column(name = "applied_at")
    private long appliedAt;

    protected StatusChange() {
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
    String simId() { return simId; }
    String imsi() { return imsi; }
    String status() { return status; }
    String speedClass() { return speedClass; }
    String subscription() { return subscription; }
    String groupId() { return groupId; }
    long appliedAt() { return appliedAt; }

    List<String> bundles() {
        return bundles == null || bundles.isEmpty() ? List.of() : Arrays.asList(bundles.split(","));
    }
}
