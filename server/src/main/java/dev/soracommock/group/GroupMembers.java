package dev.soracommock.group;

import dev.soracommock.api.soracom.model.SimDto;
import dev.soracommock.kernel.Paging;

/**
 * The SIMs of a group, as {@code GET /groups/{group_id}/subscribers} lists them. Membership lives on the SIM
 * ({@code sim.group_id}), so the SIMs domain implements this (one bean); without one, a group has no SIMs. The group
 * has already been checked to be the operator's.
 */
public interface GroupMembers {

    /**
     * One page of the group's SIMs, in the order of the page key the implementation chooses (the contract calls
     * {@code last_evaluated_key} "the IMSI of the last subscriber").
     */
    Paging.Page<SimDto> subscribersOf(String operatorId, String groupId, Paging.PageRequest page);
}
