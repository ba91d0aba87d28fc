package dev.soracommock.sam;

import dev.soracommock.api.soracom.model.AuthKeyResponseDto;
import dev.soracommock.api.soracom.model.ListRolesResponseDto;
import dev.soracommock.api.soracom.model.RoleResponseDto;
import dev.soracommock.api.soracom.model.UserDetailResponseDto;
import dev.soracommock.operator.OperatorService;
import java.util.List;
import org.springframework.stereotype.Component;

/** SAM users and roles as the API shows them (times in epoch seconds). */
@Component
class SamMapper {

    private final SamService sam;
    private final OperatorService operators;

    SamMapper(SamService sam, OperatorService operators) {
        this.sam = sam;
        this.operators = operators;
    }

    UserDetailResponseDto user(SamUser u) {
        return new UserDetailResponseDto()
                .userName(u.userName())
                .description(u.description())
                .hasPassword(u.passwordHash() != null)
                .permission(u.permission())
                .createDateTime(u.createdAt())
                .updateDateTime(u.updatedAt())
                .authKeyList(operators.listUserAuthKeys(u.operatorId(), u.userName()).stream().map(SamMapper::authKey).toList())
                .roleList(u.roleIds().stream().sorted().map(id -> roleSummary(sam.role(u.operatorId(), id))).toList());
    }

    static AuthKeyResponseDto authKey(OperatorService.AuthKeyView k) {
        return new AuthKeyResponseDto().authKeyId(k.authKeyId()).createDateTime(k.createDateTime())
                .lastUsedDateTime(k.lastUsedDateTime());
    }

    static ListRolesResponseDto roleSummary(SamRole r) {
        return new ListRolesResponseDto().roleId(r.roleId()).roleName(r.roleId()).description(r.description())
                .owner(ListRolesResponseDto.OwnerEnum.OPERATOR).createDateTime(r.createdAt()).updateDateTime(r.updatedAt());
    }

    static RoleResponseDto role(SamRole r) {
        return new RoleResponseDto().roleId(r.roleId()).roleName(r.roleId()).description(r.description())
                .permission(r.permission()).owner(RoleResponseDto.OwnerEnum.OPERATOR)
                .createDateTime(r.createdAt()).updateDateTime(r.updatedAt());
    }

    List<UserDetailResponseDto> users(List<SamUser> users) {
        return users.stream().map(this::user).toList();
    }
}
