package dev.soracommock.group;

import dev.soracommock.kernel.SqlLike;
import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.Identifiers;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.Paging;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Groups and their rules: tags (merged on put, the {@code name} tag always shown), configuration (see
 * {@link GroupConfiguration}), tag-filtered lists paged by group ID. Every call is scoped to an operator: another
 * operator's group is, to the caller, a group that does not exist (404).
 *
 * <p>Other domains use {@link #exists} (the SIMs' {@code set_group} validates the group with it) and {@link #find}
 * (a SIM's group configuration).
 */
@Service
public class GroupService {

    /** Upper bound of {@code limit} on listGroups. */
    static final int MAX_LIMIT = 100;

    /** Column sizes of sim_group_tag (V3). */
    static final int MAX_TAG_NAME = 1000;
    static final int MAX_TAG_VALUE = 4000;

    /** The tag that names a group; shown as "" when the group has none (TagSet: "always contains … name"). */
    static final String NAME_TAG = "name";

    /** What other domains may know of a group. {@code configuration} is a copy, tags are sorted by name. */
    public record GroupView(String groupId, String operatorId, Map<String, String> tags, ObjectNode configuration,
            long createdAt, long lastModifiedAt) {
    }

    /** A listGroups tag filter: {@code tag_value} exactly, or as a prefix. */
    record TagFilter(String name, String value, boolean prefix) {
    }

    private final SimGroupStore groups;
    private final Identifiers ids;
    private final MockClock clock;

    GroupService(SimGroupStore groups, Identifiers ids, MockClock clock) {
        this.groups = groups;
        this.ids = ids;
        this.clock = clock;
    }

    /** Whether the operator has this group (what {@code set_group} on a SIM checks). */
    @Transactional(readOnly = true)
    public boolean exists(String operatorId, String groupId) {
        return groupId != null && groups.existsByOperatorIdAndGroupId(operatorId, groupId);
    }

    /** IDs of the operator's groups whose name contains the fragment, case-insensitively (SIM search by group name). */
    @Transactional(readOnly = true)
    public List<String> idsWithNameContaining(String operatorId, String fragment) {
        return groups.idsWithNameLike(operatorId, "%" + SqlLike.literal(fragment.toLowerCase()) + "%");
    }

    /** The operator's group, if it has one with this ID. */
    @Transactional(readOnly = true)
    public Optional<GroupView> find(String operatorId, String groupId) {
        return groups.findByOperatorIdAndGroupId(operatorId, groupId).map(GroupService::view);
    }

    /** 404 SEM0501 when the operator has no such group. */
    @Transactional(readOnly = true)
    public GroupView get(String operatorId, String groupId) {
        return view(groups.findByOperatorIdAndGroupId(operatorId, groupId)
                .orElseThrow(() -> new ApiException(ErrorCode.GROUP_NOT_FOUND)));
    }

    @Transactional
    GroupView create(String operatorId, Map<String, String> tags, Map<String, Object> configuration) {
        Map<String, String> checked = checkTags(tags);
        String config = GroupConfiguration.fromRequest(configuration).serialize();
        String groupId;
        do {
            groupId = ids.uuid().toString();
        } while (groups.existsByGroupId(groupId));
        return view(groups.save(new SimGroup(groupId, operatorId, checked, config, clock.nowMillis())));
    }

    @Transactional(readOnly = true)
    Paging.Page<GroupView> list(String operatorId, TagFilter filter, Paging.PageRequest page) {
        int limit = page.fetchSize();
        List<SimGroup> fetched;
        if (filter == null) {
            fetched = groups.page(operatorId, page.after(), limit);
        } else if (filter.prefix()) {
            fetched = groups.pageByTagPrefix(operatorId, page.after(), filter.name(), likePrefix(filter.value()), limit);
        } else {
            fetched = groups.pageByTag(operatorId, page.after(), filter.name(), filter.value(), limit);
        }
        List<GroupView> views = fetched.stream().map(GroupService::view).toList();
        return Paging.Page.of(views, page, GroupView::groupId);
    }

    private static String likePrefix(String value) {
        return SqlLike.literal(value) + "%";
    }

    /** Deletes the group; its SIMs leave it (sim.group_id → null through the schema's ON DELETE SET NULL). */
    @Transactional
    void delete(String operatorId, String groupId) {
        groups.delete(require(operatorId, groupId));
    }

    /** Adds or overwrites the given tags; the others stay. */
    @Transactional
    GroupView putTags(String operatorId, String groupId, Map<String, String> tags) {
        SimGroup group = require(operatorId, groupId);
        group.putTags(checkTags(tags), clock.nowMillis());
        return view(groups.save(group));
    }

    /** 404 SEM0502 when the group has no such tag. */
    @Transactional
    void deleteTag(String operatorId, String groupId, String tagName) {
        SimGroup group = require(operatorId, groupId);
        if (!group.hasTag(tagName)) {
            throw new ApiException(ErrorCode.TAG_NOT_FOUND);
        }
        group.removeTag(tagName, clock.nowMillis());
        groups.save(group);
    }

    /** Sets the given keys of one namespace (the others stay); 400 SEM0505 past 8 KB, nothing changed. */
    @Transactional
    GroupView putConfiguration(String operatorId, String groupId, String namespace, Map<String, JsonNode> entries) {
        GroupConfiguration.checkNamespace(namespace);
        SimGroup group = require(operatorId, groupId);
        GroupConfiguration config = GroupConfiguration.parse(group.configuration());
        entries.forEach((key, value) -> {
            if (key == null || key.isEmpty()) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "may not be empty:key");
            }
            config.put(namespace, key, value);
        });
        group.configure(config.serialize(), clock.nowMillis());
        return view(groups.save(group));
    }

    /** Removes one key, and the namespace with its last key; 404 SEM0504 when there is no such key. */
    @Transactional
    void deleteConfigurationParameter(String operatorId, String groupId, String namespace, String name) {
        GroupConfiguration.checkNamespace(namespace);
        SimGroup group = require(operatorId, groupId);
        GroupConfiguration config = GroupConfiguration.parse(group.configuration());
        if (!config.removeKey(namespace, name)) {
            throw new ApiException(ErrorCode.GROUP_PARAMETER_NOT_FOUND);
        }
        group.configure(config.serialize(), clock.nowMillis());
        groups.save(group);
    }

    /** Removes a whole namespace; 400 SEM0503 when the group has no such namespace (the contract's 400). */
    @Transactional
    void deleteConfigurationNamespace(String operatorId, String groupId, String namespace) {
        GroupConfiguration.checkNamespace(namespace);
        SimGroup group = require(operatorId, groupId);
        GroupConfiguration config = GroupConfiguration.parse(group.configuration());
        if (!config.removeNamespace(namespace)) {
            throw new ApiException(ErrorCode.GROUP_NAMESPACE_NOT_FOUND);
        }
        group.configure(config.serialize(), clock.nowMillis());
        groups.save(group);
    }

    /** The group, locked for a change; 404 SEM0501 when the operator has no such group. */
    private SimGroup require(String operatorId, String groupId) {
        return groups.lockByOperatorIdAndGroupId(operatorId, groupId)
                .orElseThrow(() -> new ApiException(ErrorCode.GROUP_NOT_FOUND));
    }

    private static Map<String, String> checkTags(Map<String, String> tags) {
        Map<String, String> checked = new LinkedHashMap<>();
        if (tags == null) {
            return checked;
        }
        tags.forEach((name, value) -> {
            if (name == null || name.isEmpty()) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "may not be empty:tagName");
            }
            if (name.length() > MAX_TAG_NAME || (value != null && value.length() > MAX_TAG_VALUE)) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED,
                        "tag names are limited to " + MAX_TAG_NAME + " and values to " + MAX_TAG_VALUE + " characters:tags");
            }
            checked.put(name, value == null ? "" : value);
        });
        return checked;
    }

    private static GroupView view(SimGroup g) {
        Map<String, String> tags = g.tags();
        tags.putIfAbsent(NAME_TAG, "");
        return new GroupView(g.groupId(), g.operatorId(), tags, GroupConfiguration.parse(g.configuration()).tree(),
                g.createdAt(), g.lastModifiedAt());
    }
}
