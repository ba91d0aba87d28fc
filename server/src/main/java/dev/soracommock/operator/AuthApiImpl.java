package dev.soracommock.operator;

import dev.soracommock.api.soracom.AuthApiDelegate;
import dev.soracommock.api.soracom.model.AuthRequestDto;
import dev.soracommock.api.soracom.model.AuthResponseDto;
import dev.soracommock.api.soracom.model.SwitchUserRequestDto;
import dev.soracommock.coverage.LeftToFallback;
import dev.soracommock.kernel.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Auth tag: login (root, auth key, SAM user), switch user, logout. */
@LeftToFallback(operations = {"issuePasswordResetToken", "verifyPasswordResetToken"},
        reason = "no e-mail leaves the emulator, so a reset token could never be read; change passwords with the password operations")
@Component
class AuthApiImpl implements AuthApiDelegate {

    private final AuthService auth;
    private final CurrentCaller caller;

    AuthApiImpl(AuthService auth, CurrentCaller caller) {
        this.auth = auth;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<AuthResponseDto> auth(AuthRequestDto body) {
        AuthService.Credentials c = auth.login(body.getEmail(), body.getPassword(), body.getAuthKeyId(),
                body.getAuthKey(), body.getOperatorId(), body.getUserName(), body.getTokenTimeoutSeconds());
        return ResponseEntity.ok(new AuthResponseDto().apiKey(c.apiKey()).token(c.token()).operatorId(c.operatorId())
                .userName(c.userName()));
    }

    @Override
    public ResponseEntity<AuthResponseDto> switchUser(SwitchUserRequestDto body) {
        AuthService.Credentials c = auth.switchUser(caller.get(), body == null ? null : body.getOperatorId(),
                body == null ? null : body.getUserName(),
                body == null || body.getTokenTimeoutSeconds() == null ? null : body.getTokenTimeoutSeconds().longValue());
        return ResponseEntity.ok(new AuthResponseDto().apiKey(c.apiKey()).token(c.token()).operatorId(c.operatorId())
                .userName(c.userName()));
    }

    @Override
    public ResponseEntity<Void> logout() {
        auth.logout(caller.get());
        return ResponseEntity.noContent().build();
    }
}
