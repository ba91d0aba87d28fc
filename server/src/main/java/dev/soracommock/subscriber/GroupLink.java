package dev.soracommock.subscriber;

import dev.soracommock.api.soracom.model.SimDto;
import dev.soracommock.group.GroupMembers;
import dev.soracommock.group.GroupService;
import dev.soracommock.kernel.Paging;
import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * Where SIMs meet groups: SIMs reference a group (sim.group_id), so this domain answers the groups domain's
 * {@link GroupMembers} (the SIMs of a group) and asks {@link GroupService} whether a group exists and which groups a
 * name matches. Dependencies go one way: subscriber → group.
 */
@Component
class GroupLink implements GroupDirectory, GroupMembers {

    private final GroupService groups;
    private final SimService sims;
    private final SimViews views;

    GroupLink(GroupService groups, SimService sims, SimViews views) {
        this.groups = groups;
        this.sims = sims;
        this.views = views;
    }

    @Override
    public boolean exists(String operatorId, String groupId) {
        return groups.exists(operatorId, groupId);
    }

    @Override
    public Collection<String> groupIdsWithNameContaining(String operatorId, String fragment) {
        return groups.idsWithNameContaining(operatorId, fragment);
    }

    @Override
    public Paging.Page<SimDto> subscribersOf(String operatorId, String groupId, Paging.PageRequest page) {
        Paging.Page<Sim> found = sims.inGroup(operatorId, groupId, page);
        return new Paging.Page<>(found.items().stream().map(views::sim).toList(), found.nextKey());
    }
}
