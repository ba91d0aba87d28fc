package dev.soracommock.subscriber;

import java.util.Collection;
import java.util.List;

/**
 * What the subscriber domain needs to know about groups; the groups domain implements it as a bean. Until it
 * does, there is no implementation and every group ID is unknown (set_group answers 404), and the query {@code group}
 * parameter matches group IDs only.
 */
public interface GroupDirectory {

    /** Whether the operator has a group with this ID. */
    boolean exists(String operatorId, String groupId);

    /** IDs of the operator's groups whose name contains {@code fragment}, case-insensitively (query by group name). */
    default Collection<String> groupIdsWithNameContaining(String operatorId, String fragment) {
        return List.of();
    }
}
