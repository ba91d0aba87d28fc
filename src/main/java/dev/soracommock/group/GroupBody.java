package dev.soracommock.group;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.soracommock.api.soracom.model.GroupDto;

/**
 * The Group as the real API sends it: the contract's properties plus {@code createdAt} and {@code lastModifiedAt}
 * (same values as {@code createdTime}/{@code lastModifiedTime}), which the contract's own example and real clients
 * show but its schema leaves out (soracom-facts §4.4). The schema allows additional properties.
 */
class GroupBody extends GroupDto {

    private Long createdAt;
    private Long lastModifiedAt;

    GroupBody createdAt(long createdAt) {
        this.createdAt = createdAt;
        createdTime(createdAt);
        return this;
    }

    GroupBody lastModifiedAt(long lastModifiedAt) {
        this.lastModifiedAt = lastModifiedAt;
        lastModifiedTime(lastModifiedAt);
        return this;
    }

    @JsonProperty("createdAt")
    public Long getCreatedAt() {
        return createdAt;
    }

    @JsonProperty("lastModifiedAt")
    public Long getLastModifiedAt() {
        return lastModifiedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupBody other && super.equals(o) && java.util.Objects.equals(createdAt, other.createdAt)
                && java.util.Objects.equals(lastModifiedAt, other.lastModifiedAt);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(super.hashCode(), createdAt, lastModifiedAt);
    }
}
