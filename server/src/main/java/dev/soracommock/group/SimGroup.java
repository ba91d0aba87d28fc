package dev.soracommock.group;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.annotations.BatchSize;

/** A group of an operator: its tags (one row each, for filtering) and its configuration (JSON text). */
@Entity
@Table(name = "sim_group")
class SimGroup {

    @Id
    @Column(name = "group_id")
    private String groupId;

    @Column(name = "operator_id")
    private String operatorId;

    /** Compact JSON {@code {"<namespace>": {"<key>": <value>}}}; the rules are {@link GroupConfiguration}'s. */
    private String configuration;

    @Column(name = "created_at")
    private long createdAt;

    @Column(name = "last_modified_at")
    private long lastModifiedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "sim_group_tag", joinColumns = @JoinColumn(name = "group_id"))
    @MapKeyColumn(name = "tag_name")
    @Column(name = "tag_value")
    @BatchSize(size = 100)
    private Map<String, String> tags = new HashMap<>();

    protected SimGroup() {
    }

    SimGroup(String groupId, String operatorId, Map<String, String> tags, String configuration, long now) {
        this.groupId = groupId;
        this.operatorId = operatorId;
        this.tags.putAll(tags);
        this.configuration = configuration;
        this.createdAt = now;
        this.lastModifiedAt = now;
    }

    String groupId() {
        return groupId;
    }

    String operatorId() {
        return operatorId;
    }

    String configuration() {
        return configuration;
    }

    long createdAt() {
        return createdAt;
    }

    long lastModifiedAt() {
        return lastModifiedAt;
    }

    /** The tags, sorted by name (a copy). */
    Map<String, String> tags() {
        return new TreeMap<>(tags);
    }

    boolean hasTag(String name) {
        return tags.containsKey(name);
    }

    void putTags(Map<String, String> changes, long now) {
        tags.putAll(changes);
        lastModifiedAt = now;
    }

    void removeTag(String name, long now) {
        tags.remove(name);
        lastModifiedAt = now;
    }

    void configure(String configuration, long now) {
        this.configuration = configuration;
        lastModifiedAt = now;
    }
}
