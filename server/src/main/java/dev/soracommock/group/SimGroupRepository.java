package dev.soracommock.group;

import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Groups, always scoped to an operator (first argument). Lists are ordered by group ID and continue after
 * {@code after} (exclusive; null for the first page).
 */
interface SimGroupRepository extends Repository<SimGroup, String> {

    Optional<SimGroup> findByOperatorIdAndGroupId(String operatorId, String groupId);

    /**
     * The same, row-locked until the transaction ends: changes to one group are serialised (concurrent tag and
     * configuration updates neither lose each other's changes nor fail on the version check).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select g from SimGroup g where g.operatorId = :operatorId and g.groupId = :groupId")
    Optional<SimGroup> lockByOperatorIdAndGroupId(@Param("operatorId") String operatorId, @Param("groupId") String groupId);

    boolean existsByOperatorIdAndGroupId(String operatorId, String groupId);

    /** Not scoped: a new group ID must be unique across operators (it is the table's primary key). */
    boolean existsByGroupId(String groupId);

    @Query("""
            select g from SimGroup g
            where g.operatorId = :operatorId and (:after is null or g.groupId > :after)
            order by g.groupId""")
    List<SimGroup> page(@Param("operatorId") String operatorId, @Param("after") String after, Limit limit);

    @Query("""
            select g from SimGroup g join g.tags t
            where g.operatorId = :operatorId and (:after is null or g.groupId > :after)
              and key(t) = :tagName and value(t) = :tagValue
            order by g.groupId""")
    List<SimGroup> pageByTag(@Param("operatorId") String operatorId, @Param("after") String after,
            @Param("tagName") String tagName, @Param("tagValue") String tagValue, Limit limit);

    /** {@code pattern} is a LIKE pattern escaped with {@code \}. */
    @Query("""
            select g from SimGroup g join g.tags t
            where g.operatorId = :operatorId and (:after is null or g.groupId > :after)
              and key(t) = :tagName and value(t) like :pattern escape '\\'
            order by g.groupId""")
    List<SimGroup> pageByTagPrefix(@Param("operatorId") String operatorId, @Param("after") String after,
            @Param("tagName") String tagName, @Param("pattern") String pattern, Limit limit);

    /** IDs of the operator's groups whose name tag contains {@code pattern} (a LIKE pattern, lower case). */
    @Query("""
            select g.groupId from SimGroup g join g.tags t
            where g.operatorId = :operatorId and key(t) = 'name' and lower(value(t)) like :pattern escape '\\'""")
    List<String> idsWithNameLike(@Param("operatorId") String operatorId, @Param("pattern") String pattern);

    SimGroup save(SimGroup group);

    void delete(SimGroup group);
}
