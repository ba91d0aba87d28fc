package dev.soracommock.group;

import dev.soracommock.api.soracom.GroupApiDelegate;
import dev.soracommock.api.soracom.model.CreateGroupRequestDto;
import dev.soracommock.api.soracom.model.GroupConfigurationUpdateRequestDto;
import dev.soracommock.api.soracom.model.GroupDto;
import dev.soracommock.api.soracom.model.SimDto;
import dev.soracommock.api.soracom.model.TagUpdateRequestDto;
import dev.soracommock.coverage.Limitation;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.CurrentCaller;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.Paging;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Group tag: groups, their tags and configuration, and the SIMs in a group. */
@Component
class GroupApiImpl implements GroupApiDelegate {

    private final GroupService groups;
    private final ObjectProvider<GroupMembers> members;
    private final CurrentCaller caller;

    GroupApiImpl(GroupService groups, ObjectProvider<GroupMembers> members, CurrentCaller caller) {
        this.groups = groups;
        this.members = members;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<GroupDto> createGroup(CreateGroupRequestDto body) {
        GroupService.GroupView g = groups.create(caller.operatorId(), body == null ? null : body.getTags(),
                body == null ? null : body.getConfiguration());
        return ResponseEntity.status(HttpStatus.CREATED).body(dto(g));
    }

    @Override
    public ResponseEntity<GroupDto> getGroup(String groupId) {
        return ResponseEntity.ok(dto(groups.get(caller.operatorId(), groupId)));
    }

    @Override
    @Limitation("`limit` is capped at 100 (a next-page key follows); without `limit` every group is returned.")
    public ResponseEntity<List<GroupDto>> listGroups(String tagName, String tagValue, String tagValueMatchMode,
            Integer limit, String lastEvaluatedKey) {
        GroupService.TagFilter filter = null;
        if (tagName != null) {
            if (tagValue == null) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "tag_value is required when tag_name is specified:tag_value");
            }
            filter = new GroupService.TagFilter(tagName, tagValue, "prefix".equals(tagValueMatchMode));
        }
        Paging.PageRequest page = Paging.PageRequest.of(limit, lastEvaluatedKey, GroupService.MAX_LIMIT);
        return Paging.ok(groups.list(caller.operatorId(), filter, page), GroupApiImpl::dto, page);
    }

    @Override
    public ResponseEntity<Void> deleteGroup(String groupId) {
        groups.delete(caller.operatorId(), groupId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<GroupDto> putGroupTags(String groupId, List<TagUpdateRequestDto> body) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (TagUpdateRequestDto t : body == null ? List.<TagUpdateRequestDto>of() : body) {
            tags.put(t.getTagName(), t.getTagValue());
        }
        return ResponseEntity.ok(dto(groups.putTags(caller.operatorId(), groupId, tags)));
    }

    @Override
    public ResponseEntity<Void> deleteGroupTag(String groupId, String tagName) {
        groups.deleteTag(caller.operatorId(), groupId, tagName);
        return ResponseEntity.noContent().build();
    }

    @Override
    @Limitation("Keys are merged into the namespace; each value is replaced whole, not deep-merged. The whole "
            + "configuration (compact UTF-8 JSON) is limited to 8192 bytes: 400 `SEM0505`, nothing changed.")
    public ResponseEntity<GroupDto> putConfigurationParameters(String groupId, String namespace,
            List<GroupConfigurationUpdateRequestDto> body) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        for (GroupConfigurationUpdateRequestDto e : body == null ? List.<GroupConfigurationUpdateRequestDto>of() : body) {
            entries.put(e.getKey(), GroupConfiguration.toJson(e.getValue()));
        }
        return ResponseEntity.ok(dto(groups.putConfiguration(caller.operatorId(), groupId, namespace, entries)));
    }

    @Override
    @Limitation("An unknown key answers 404 `SEM0504`. The contract's namespace enum for this operation lacks "
            + "`SoracomOrbit`, so its keys can only go with their namespace (deleteConfigurationNamespace).")
    public ResponseEntity<Void> deleteConfigurationParameter(String groupId, String namespace, String name) {
        groups.deleteConfigurationParameter(caller.operatorId(), groupId, namespace, name);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<Void> deleteConfigurationNamespace(String groupId, String namespace) {
        groups.deleteConfigurationNamespace(caller.operatorId(), groupId, namespace);
        return ResponseEntity.noContent().build();
    }

    @Override
    @Limitation("The SIMs come from the SIMs domain (a `GroupMembers` bean); without one, every group lists no SIMs.")
    public ResponseEntity<List<SimDto>> listSubscribersInGroup(String groupId, Integer limit, String lastEvaluatedKey) {
        String operatorId = caller.operatorId();
        groups.get(operatorId, groupId);
        Paging.PageRequest page = Paging.PageRequest.of(limit, lastEvaluatedKey, GroupService.MAX_LIMIT);
        GroupMembers m = members.getIfAvailable();
        Paging.Page<SimDto> sims = m == null ? new Paging.Page<>(List.of(), null) : m.subscribersOf(operatorId, groupId, page);
        return Paging.ok(sims, Function.identity(), page);
    }

    static GroupDto dto(GroupService.GroupView g) {
        // createdTime/lastModifiedTime only: the contract's example also shows createdAt/lastModifiedAt, but its schema
        // does not, and strict generated clients refuse undeclared properties
        GroupDto dto = new GroupDto().createdTime(g.createdAt()).lastModifiedTime(g.lastModifiedAt());
        dto.groupId(g.groupId()).operatorId(g.operatorId()).tags(new LinkedHashMap<>(g.tags()));
        Map<String, Object> configuration = new LinkedHashMap<>();
        g.configuration().properties().forEach(e -> configuration.put(e.getKey(), e.getValue()));
        dto.setConfiguration(configuration);
        return dto;
    }
}
