package dev.soracommock.eventhandler;

/**
 * An operator's event handler: its name, status, one target, and its rule and actions as the contract's JSON
 * ({@code RuleConfig}, the {@code ActionConfig} list), read back whole. Built and written by
 * {@link EventHandlerStore}.
 */
class EventHandler {

    private final String handlerId;

    private final String operatorId;

    private String name;

    private String description;

    private String status;

    private String targetImsi;

    private String targetSimId;

    private String targetGroupId;

    private String targetOperatorId;

    private String ruleType;

    private String ruleConfig;

    private String actionConfigList;

    private final long createdAt;

    private long updatedAt;

    /** Whether the row exists (loaded or inserted): {@link EventHandlerStore#save} inserts or updates. */
    private boolean persisted;

    EventHandler(String handlerId, String operatorId, long now) {
        this.handlerId = handlerId;
        this.operatorId = operatorId;
        this.createdAt = now;
    }

    /** A handler as stored. */
    static EventHandler stored(String handlerId, String operatorId, Definition d, long createdAt, long updatedAt) {
        EventHandler h = new EventHandler(handlerId, operatorId, createdAt);
        h.set(d, updatedAt);
        h.persisted = true;
        return h;
    }

    /** The store inserted the handler. */
    void stored() {
        this.persisted = true;
    }

    boolean persisted() {
        return persisted;
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
    long updatedAt() { return updatedAt; }
}
