package dev.soracommock.group;

import dev.soracommock.kernel.Paging;
import dev.soracommock.kernel.StateChanges;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Groups ({@code sim_group}) and their tags ({@code sim_group_tag}), always scoped to an operator (first argument),
 * except the uniqueness check of a new ID (commented). A group is read with its tags; a page of groups reads the
 * tags of the whole page in one query. Lists are ordered by group ID and continue after {@code after} (exclusive;
 * null for the first page), at most {@code limit} rows. Every write tells {@link StateChanges} (the group reads are
 * {@link GroupReads}, answered again while nothing changed).
 */
@Repository
class SimGroupStore {

    /** A {@code sim_group} row, before its tags are attached. */
    private record Row(String groupId, String operatorId, String configuration, long createdAt, long lastModifiedAt,
            long version) {
    }

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getString("group_id"), rs.getString("operator_id"),
            rs.getString("configuration"), rs.getLong("created_at"), rs.getLong("last_modified_at"),
            rs.getLong("version"));

    private static final String COLUMNS = "g.group_id, g.operator_id, g.configuration, g.created_at, g.last_modified_at,"
            + " g.version";

    private final JdbcClient jdbc;
    private final StateChanges changes;

    SimGroupStore(JdbcClient jdbc, StateChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    Optional<SimGroup> findByOperatorIdAndGroupId(String operatorId, String groupId) {
        return one(jdbc.sql("select " + COLUMNS + " from sim_group g where g.operator_id = :operatorId"
                        + " and g.group_id = :groupId")
                .param("operatorId", operatorId).param("groupId", groupId).query(ROW).list());
    }

    /**
     * The same, row-locked ({@code for update}) until the transaction ends: changes to one group are serialised
     * (concurrent tag and configuration updates neither lose each other's changes nor fail on the version check).
     */
    Optional<SimGroup> lockByOperatorIdAndGroupId(String operatorId, String groupId) {
        return one(jdbc.sql("select " + COLUMNS + " from sim_group g where g.operator_id = :operatorId"
                        + " and g.group_id = :groupId for update")
                .param("operatorId", operatorId).param("groupId", groupId).query(ROW).list());
    }

    boolean existsByOperatorIdAndGroupId(String operatorId, String groupId) {
        return jdbc.sql("select count(*) from sim_group where operator_id = :operatorId and group_id = :groupId")
                .param("operatorId", operatorId).param("groupId", groupId).query(Long.class).single() > 0;
    }

    /** Not scoped: a new group ID must be unique across operators (it is the table's primary key). */
    boolean existsByGroupId(String groupId) {
        return jdbc.sql("select count(*) from sim_group where group_id = :groupId")
                .param("groupId", groupId).query(Long.class).single() > 0;
    }

    List<SimGroup> page(String operatorId, String after, int limit) {
        return withTags(jdbc.sql("""
                        select %s from sim_group g
                        where g.operator_id = :operatorId and (cast(:after as varchar(36)) is null or g.group_id > :after)
                        order by g.group_id""".formatted(COLUMNS) + Paging.fetchFirst(limit))
                .param("operatorId", operatorId).param("after", after).param("fetchSize", limit).query(ROW).list());
    }

    List<SimGroup> pageByTag(String operatorId, String after, String tagName, String tagValue, int limit) {
        return withTags(jdbc.sql("""
                        select %s from sim_group g
                        join sim_group_tag t on t.group_id = g.group_id
                        where g.operator_id = :operatorId and (cast(:after as varchar(36)) is null or g.group_id > :after)
                          and t.tag_name = :tagName and t.tag_value = :tagValue
                        order by g.group_id""".formatted(COLUMNS) + Paging.fetchFirst(limit))
                .param("operatorId", operatorId).param("after", after).param("tagName", tagName)
                .param("tagValue", tagValue).param("fetchSize", limit).query(ROW).list());
    }

    /** {@code pattern} is a LIKE pattern escaped with {@code \}. */
    List<SimGroup> pageByTagPrefix(String operatorId, String after, String tagName, String pattern, int limit) {
        return withTags(jdbc.sql("""
                        select %s from sim_group g
                        join sim_group_tag t on t.group_id = g.group_id
                        where g.operator_id = :operatorId and (cast(:after as varchar(36)) is null or g.group_id > :after)
                          and t.tag_name = :tagName and t.tag_value like :pattern escape '\\'
                        order by g.group_id""".formatted(COLUMNS) + Paging.fetchFirst(limit))
                .param("operatorId", operatorId).param("after", after).param("tagName", tagName)
                .param("pattern", pattern).param("fetchSize", limit).query(ROW).list());
    }

    /** IDs of the operator's groups whose name tag contains {@code pattern} (a LIKE pattern, lower case). */
    List<String> idsWithNameLike(String operatorId, String pattern) {
        return jdbc.sql("""
                        select g.group_id from sim_group g
                        join sim_group_tag t on t.group_id = g.group_id
                        where g.operator_id = :operatorId and t.tag_name = 'name'
                          and lower(t.tag_value) like :pattern escape '\\'""")
                .param("operatorId", operatorId).param("pattern", pattern).query(String.class).list();
    }

    /**
     * Inserts a new group or updates a stored one (0 rows at its version: {@link OptimisticLockingFailureException}),
     * and writes the tags that changed since it was read or last saved.
     */
    SimGroup save(SimGroup group) {
        changes.changed();
        boolean update = group.persisted();
        if (!update) {
            jdbc.sql("""
                            insert into sim_group (group_id, operator_id, configuration, created_at, last_modified_at, version)
                            values (:groupId, :operatorId, :configuration, :createdAt, :lastModifiedAt, :version)""")
                    .param("groupId", group.groupId()).param("operatorId", group.operatorId())
                    .param("configuration", group.configuration()).param("createdAt", group.createdAt())
                    .param("lastModifiedAt", group.lastModifiedAt()).param("version", group.version()).update();
        } else {
            int updated = jdbc.sql("""
                            update sim_group set configuration = :configuration, last_modified_at = :lastModifiedAt,
                              version = version + 1
                            where operator_id = :operatorId and group_id = :groupId and version = :version""")
                    .param("configuration", group.configuration()).param("lastModifiedAt", group.lastModifiedAt())
                    .param("operatorId", group.operatorId()).param("groupId", group.groupId())
                    .param("version", group.version()).update();
            if (updated == 0) {
                throw new OptimisticLockingFailureException("group " + group.groupId() + " was changed or deleted meanwhile");
            }
        }
        writeTags(group);
        group.stored(update ? group.version() + 1 : group.version());
        return group;
    }

    /** Deletes the group; its tags go with it (ON DELETE CASCADE), its SIMs leave it (ON DELETE SET NULL). */
    void delete(SimGroup group) {
        changes.changed();
        int deleted = jdbc.sql("delete from sim_group where operator_id = :operatorId and group_id = :groupId"
                        + " and version = :version")
                .param("operatorId", group.operatorId()).param("groupId", group.groupId())
                .param("version", group.version()).update();
        if (deleted == 0) {
            throw new OptimisticLockingFailureException("group " + group.groupId() + " was changed or deleted meanwhile");
        }
    }

    private void writeTags(SimGroup group) {
        Map<String, String> before = group.storedTags();
        Map<String, String> after = group.tags();
        for (String name : before.keySet()) {
            if (!after.containsKey(name)) {
                jdbc.sql("delete from sim_group_tag where group_id = :groupId and tag_name = :name")
                        .param("groupId", group.groupId()).param("name", name).update();
            }
        }
        after.forEach((name, value) -> {
            if (!before.containsKey(name)) {
                jdbc.sql("insert into sim_group_tag (group_id, tag_name, tag_value) values (:groupId, :name, :value)")
                        .param("groupId", group.groupId()).param("name", name).param("value", value).update();
            } else if (!before.get(name).equals(value)) {
                jdbc.sql("update sim_group_tag set tag_value = :value where group_id = :groupId and tag_name = :name")
                        .param("value", value).param("groupId", group.groupId()).param("name", name).update();
            }
        });
    }

    private Optional<SimGroup> one(List<Row> rows) {
        return withTags(rows).stream().findFirst();
    }

    /** The groups of these rows, in their order, each with its tags: one query for all of them. */
    private List<SimGroup> withTags(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, String>> tags = new HashMap<>();
        rows.forEach(r -> tags.put(r.groupId(), new HashMap<>()));
        jdbc.sql("select group_id, tag_name, tag_value from sim_group_tag where group_id in (:groupIds)")
                .param("groupIds", List.copyOf(tags.keySet()))
                .query(rs -> {
                    tags.get(rs.getString("group_id")).put(rs.getString("tag_name"), rs.getString("tag_value"));
                });
        List<SimGroup> groups = new ArrayList<>(rows.size());
        for (Row r : rows) {
            groups.add(SimGroup.stored(r.groupId(), r.operatorId(), r.configuration(), r.createdAt(), r.lastModifiedAt(),
                    r.version(), tags.get(r.groupId())));
        }
        return groups;
    }
}
