package dev.soracommock.sam;

import dev.soracommock.api.soracom.RoleApiDelegate;
import dev.soracommock.api.soracom.model.AttachRoleRequestDto;
import dev.soracommock.api.soracom.model.CreateOrUpdateRoleRequestDto;
import dev.soracommock.api.soracom.model.CreateRoleResponseDto;
import dev.soracommock.api.soracom.model.ListRolesResponseDto;
import dev.soracommock.api.soracom.model.RoleResponseDto;
import dev.soracommock.api.soracom.model.UserDetailResponseDto;
import dev.soracommock.coverage.LeftToFallback;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Role tag: roles, their attachment to users. Roles are named by ID or by SRN {@code srn:soracom:::Role:<id>}. */
@LeftToFallback(operations = "listRoleVersions",
        reason = "role versions are Soracom-managed roles' history; operator roles have no versions here")
@Component
class RoleApiImpl implements RoleApiDelegate {

    private final SamService sam;
    private final SamMapper mapper;

    RoleApiImpl(SamService sam, SamMapper mapper) {
        this.sam = sam;
        this.mapper = mapper;
    }

    @Override
    public ResponseEntity<CreateRoleResponseDto> createRole(String operatorId, String roleId, CreateOrUpdateRoleRequestDto body) {
        SamRole r = sam.createRole(operatorId, roleId, body.getDescription(), body.getPermission());
        return ResponseEntity.ok(new CreateRoleResponseDto().roleId(r.roleId()));
    }

    @Override
    public ResponseEntity<RoleResponseDto> getRole(String operatorId, String roleId) {
        return ResponseEntity.ok(SamMapper.role(sam.role(operatorId, roleId)));
    }

    @Override
    public ResponseEntity<List<ListRolesResponseDto>> listRoles(String operatorId, String owner) {
        if ("soracom".equals(owner)) {
            return ResponseEntity.ok(List.of());
        }
        return ResponseEntity.ok(sam.roles(operatorId).stream().map(SamMapper::roleSummary).toList());
    }

    @Override
    public ResponseEntity<Void> updateRole(String operatorId, String roleId, CreateOrUpdateRoleRequestDto body) {
        sam.updateRole(operatorId, roleId, body.getDescription(), body.getPermission());
        return ResponseEntity.ok().build();
    }

    @Override
    public ResponseEntity<Void> deleteRole(String operatorId, String roleId) {
        sam.deleteRole(operatorId, roleId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<Void> attachRole(String operatorId, String userName, AttachRoleRequestDto body) {
        if (body == null || body.getRoleId() == null || body.getRoleId().isBlank()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "may not be empty:roleId");
        }
        sam.attach(operatorId, userName, body.getRoleId());
        return ResponseEntity.ok().build();
    }

    @Override
    public ResponseEntity<Void> detachRole(String operatorId, String userName, String roleId) {
        sam.detach(operatorId, userName, roleId);
        return ResponseEntity.ok().build();
    }

    @Override
    public ResponseEntity<List<UserDetailResponseDto>> listRoleAttachedUsers(String operatorId, String roleId) {
        return ResponseEntity.ok(mapper.users(sam.usersWithRole(operatorId, roleId)));
    }

    @Override
    public ResponseEntity<List<RoleResponseDto>> listUserRoles(String operatorId, String userName) {
        return ResponseEntity.ok(sam.user(operatorId, userName).roleIds().stream().sorted()
                .map(id -> SamMapper.role(sam.role(operatorId, id))).toList());
    }
}
