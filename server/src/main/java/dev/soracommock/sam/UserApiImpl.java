package dev.soracommock.sam;

import dev.soracommock.api.soracom.UserApiDelegate;
import dev.soracommock.api.soracom.model.AuthKeyResponseDto;
import dev.soracommock.api.soracom.model.CreateUserPasswordRequestDto;
import dev.soracommock.api.soracom.model.CreateUserRequestDto;
import dev.soracommock.api.soracom.model.GenerateUserAuthKeyResponseDto;
import dev.soracommock.api.soracom.model.GetDefaultPermissionsResponseDto;
import dev.soracommock.api.soracom.model.GetUserPasswordResponseDto;
import dev.soracommock.api.soracom.model.GetUserPermissionResponseDto;
import dev.soracommock.api.soracom.model.GetUserTrustPolicyResponseDto;
import dev.soracommock.api.soracom.model.SetUserPermissionRequestDto;
import dev.soracommock.api.soracom.model.SetUserTrustPolicyRequestDto;
import dev.soracommock.api.soracom.model.UpdateDefaultPermissionsRequestDto;
import dev.soracommock.api.soracom.model.UpdatePasswordRequestDto;
import dev.soracommock.api.soracom.model.UpdateUserRequestDto;
import dev.soracommock.api.soracom.model.UserDetailResponseDto;
import dev.soracommock.coverage.LeftToFallback;
import dev.soracommock.operator.OperatorService;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** User tag: SAM users, their passwords, auth keys, permission, trust policy; the default permissions. */
@LeftToFallback(operations = {"enableUserMFA", "verifyUserMFA", "getUserMFAStatus", "revokeUserMFA"},
        reason = "MFA needs a second device; the emulator's logins never ask for an OTP")
@Component
class UserApiImpl implements UserApiDelegate {

    private final SamService sam;
    private final SamMapper mapper;
    private final OperatorService operators;

    UserApiImpl(SamService sam, SamMapper mapper, OperatorService operators) {
        this.sam = sam;
        this.mapper = mapper;
        this.operators = operators;
    }

    @Override
    public ResponseEntity<Void> createUser(String operatorId, String userName, CreateUserRequestDto body) {
        sam.createUser(operatorId, userName, body == null ? null : body.getDescription());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @Override
    public ResponseEntity<UserDetailResponseDto> getUser(String operatorId, String userName) {
        return ResponseEntity.ok(mapper.user(sam.user(operatorId, userName)));
    }

    @Override
    public ResponseEntity<List<UserDetailResponseDto>> listUsers(String operatorId) {
        return ResponseEntity.ok(mapper.users(sam.users(operatorId)));
    }

    @Override
    public ResponseEntity<Void> updateUser(String operatorId, String userName, UpdateUserRequestDto body) {
        sam.updateUser(operatorId, userName, body == null ? null : body.getDescription());
        return ResponseEntity.ok().build();
    }

    @Override
    public ResponseEntity<Void> deleteUser(String operatorId, String userName) {
        sam.deleteUser(operatorId, userName);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<Void> createUserPassword(String operatorId, String userName, CreateUserPasswordRequestDto body) {
        sam.createPassword(operatorId, userName, body == null ? null : body.getPassword());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @Override
    public ResponseEntity<GetUserPasswordResponseDto> hasUserPassword(String operatorId, String userName) {
        return ResponseEntity.ok(new GetUserPasswordResponseDto().hasPassword(sam.user(operatorId, userName).passwordHash() != null));
    }

    @Override
    public ResponseEntity<Void> updateUserPassword(String operatorId, String userName, UpdatePasswordRequestDto body) {
        sam.updatePassword(operatorId, userName, body.getCurrentPassword(), body.getNewPassword());
        return ResponseEntity.ok().build();
    }

    @Override
    public ResponseEntity<Void> deleteUserPassword(String operatorId, String userName) {
        sam.deletePassword(operatorId, userName);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<GenerateUserAuthKeyResponseDto> generateUserAuthKey(String operatorId, String userName) {
        sam.user(operatorId, userName);
        OperatorService.NewAuthKey key = operators.generateUserAuthKey(operatorId, userName);
        return ResponseEntity.ok(new GenerateUserAuthKeyResponseDto().authKeyId(key.authKeyId()).authKey(key.authKey()));
    }

    @Override
    public ResponseEntity<List<AuthKeyResponseDto>> listUserAuthKeys(String operatorId, String userName) {
        sam.user(operatorId, userName);
        return ResponseEntity.ok(operators.listUserAuthKeys(operatorId, userName).stream().map(SamMapper::authKey).toList());
    }

    @Override
    public ResponseEntity<AuthKeyResponseDto> getUserAuthKey(String operatorId, String userName, String authKeyId) {
        sam.user(operatorId, userName);
        return ResponseEntity.ok(SamMapper.authKey(operators.getUserAuthKey(operatorId, userName, authKeyId)));
    }

    @Override
    public ResponseEntity<Void> deleteUserAuthKey(String operatorId, String userName, String authKeyId) {
        sam.user(operatorId, userName);
        operators.deleteUserAuthKey(operatorId, userName, authKeyId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<GetUserPermissionResponseDto> getUserPermission(String operatorId, String userName) {
        String permission = sam.user(operatorId, userName).permission();
        return ResponseEntity.ok(new GetUserPermissionResponseDto().permission(permission == null ? "" : permission));
    }

    @Override
    public ResponseEntity<Void> updateUserPermission(String operatorId, String userName, SetUserPermissionRequestDto body) {
        sam.setPermission(operatorId, userName, body.getPermission());
        return ResponseEntity.ok().build();
    }

    @Override
    public ResponseEntity<Void> deleteUserPermission(String operatorId, String userName) {
        sam.deletePermission(operatorId, userName);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<GetUserTrustPolicyResponseDto> getUserTrustPolicy(String operatorId, String userName) {
        return ResponseEntity.ok(new GetUserTrustPolicyResponseDto().trustPolicy(sam.user(operatorId, userName).trustPolicy()));
    }

    @Override
    public ResponseEntity<Void> updateUserTrustPolicy(String operatorId, String userName, SetUserTrustPolicyRequestDto body) {
        sam.setTrustPolicy(operatorId, userName, body == null ? null : body.getTrustPolicy());
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<Void> deleteUserTrustPolicy(String operatorId, String userName) {
        sam.deleteTrustPolicy(operatorId, userName);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<Void> revokeUserAuthTokens(String operatorId, String userName) {
        sam.user(operatorId, userName);
        sam.revokeTokens(operatorId, userName);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<GetDefaultPermissionsResponseDto> getDefaultPermissions(String operatorId) {
        return ResponseEntity.ok(new GetDefaultPermissionsResponseDto().defaultPermissions(sam.defaultPermissions(operatorId).orElse(null)));
    }

    @Override
    public ResponseEntity<Void> updateDefaultPermissions(String operatorId, UpdateDefaultPermissionsRequestDto body) {
        sam.setDefaultPermissions(operatorId, body.getPermissions());
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }

    @Override
    public ResponseEntity<Void> deleteDefaultPermissions(String operatorId) {
        sam.deleteDefaultPermissions(operatorId);
        return ResponseEntity.noContent().build();
    }
}
