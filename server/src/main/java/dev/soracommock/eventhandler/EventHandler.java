package dev.soracommock.eventhandler;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An operator's event handler: its name, status, one target, and its rule and actions as the contract's JSON
 * ({@code RuleConfig}, the {@code ActionConfig} list), read back whole.
 */
@Entity
@Table(name = "event_handler")
class EventHandler {

    @Id
    @Column(name = "handler_id")
    private String handlerId;

    @Column(name = "operator_id")
    private String operatorId;

    private String name;

    private String description;

    private String status;

    @Column(name = "target_imsi")
    private String targetImsi;

    @Column(name = "target_sim_id")
    private String targetSimId;

    @Column(name = "target_group_id")
    private String targetGroupId;

    @Column(name = "target_operator_id")
    private String targetOperatorId;

    @Column(name = "rule_type")
    private String ruleType;

    @Column(name = "rule_config")
    private String ruleConfig;

    @Column(name = "action_config_list")
    private String actionConfigList;

    @Column(name = "created_at")
    private long createdAt;

    @Column(name = "updated_at")
    private long updatedAt;

    protected EventHandler() {
    }

    EventHandler(String handlerId, String operatorId, long now) {
        this.handlerId = handlerId;
        this.operatorId = operatorId;
        this.createdAt = now;
    }

    /** Everything but the identity, as a create or an update sends it. */
    void set(Definition d, long now) {
        this.name = d.name();
        this.description = d.description();
        this.status = d.status();
        this.targetImsi = d.targetImsi();
        this.targetSimId = d.targetSimId();
        this.targetGroupId = d.targetGroupId();
        this.targetOperatorId = d.targetOperatorId();
        this.ruleType = d.ruleType();
        this.ruleConfig = d.ruleConfig();
        this.actionConfigList = d.actionConfigList();
        this.updatedAt = now;
    }

    /** A handler's definition, validated, with its rule and actions as JSON. */
    record Definition(String name, String description, String status, String targetImsi, String targetSimId,
            String targetGroupId, String targetOperatorId, String ruleType, String ruleConfig,
            String actionConfigList) {
    }

    String handlerId() { return handlerId; }
    String operatorId() { return operatorId; }
    String name() { return name; }
    String description() { return description; }
    String status() { return status; }
    boolean active() { return "active".equals(status); }
    String targetImsi() { return targetImsi; }
    String targetSimId() { return targetSimId; }
    String targetGroupId() { return targetGroupId; }
    String targetOperatorId() { return targetOperatorId; }
    String ruleType() { return ruleType; }
    String ruleConfig() { return ruleConfig; }
    String actionConfigList() { return actionConfigList; }
    long createdAt() { return createdAt; }
}
