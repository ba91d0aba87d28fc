package dev.soracommock.group;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A group of an operator: its tags (one row each in {@code sim_group_tag}, for filtering) and its configuration
 * (JSON text). Built and written by {@link SimGroupStore}; {@code version} is the row's optimistic-lock version.
 */
class SimGroup {

    private final String groupId;

    private final String operatorId;

    /** Compact JSON {@code {"<namespace>": {"<key>": <value>}}}; the rules are {@link GroupConfiguration}'s. */
    private String configuration;

    private final long createdAt;

    private long lastModifiedAt;

    private long version;

    /** Whether the row exists (loaded or inserted): {@link SimGroupStore#save} inserts or updates. */
    private boolean persisted;

    private final Map<String, String> tags = new HashMap<>();

    /** The tags as they are stored, to write only what changed. */
    private final Map<String, String> storedTags = new HashMap<>();

    SimGroup(String groupId, String operatorId, Map<String, String> tags, String configuration, long now) {
        this.groupId = groupId;
        this.operatorId = operatorId;
        this.tags.putAll(tags);
        this.configuration = configuration;
        this.createdAt = now;
        this.lastModifiedAt = now;
    }

    /** A group as stored: its row and its tag rows. */
    static SimGroup stored(String groupId, String operatorId, String configuration, long createdAt, long lastModifiedAt,
            long version, Map<String, String> tags) {
        SimGroup g = new SimGroup(groupId, operatorId, tags, configuration, createdAt);
        g.lastModifiedAt = lastModifiedAt;
        g.stored(version);
        return g;
    }

    /** The store wrote the group (or read it) at this version. */
    void stored(long version) {
        this.version = version;
        this.persisted = true;
        this.storedTags.clear();
        this.storedTags.putAll(tags);
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

    long version() {
        return version;
    }

    boolean persisted() {
        return persisted;
    }

    /** The tags, sorted by name (a copy). */
    Map<String, String> tags() {
        return new TreeMap<>(tags);
    }

    /** The tags as last stored (a copy). */
    Map<String, String> storedTags() {
        return new HashMap<>(storedTags);
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
