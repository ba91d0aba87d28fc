package dev.soracommock.operator;

import dev.soracommock.api.sandbox.ApiSandboxOperatorApiDelegate;
import dev.soracommock.api.sandbox.model.SandboxAuthResponseDto;
import dev.soracommock.api.sandbox.model.SandboxGetSignupTokenRequestDto;
import dev.soracommock.api.sandbox.model.SandboxGetSignupTokenResponseDto;
import dev.soracommock.api.sandbox.model.SandboxInitRequestDto;
import dev.soracommock.web.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** API Sandbox: Operator tag — sign-up in one call, operator deletion, the legacy sign-up token. */
@Component
class SandboxOperatorApiImpl implements ApiSandboxOperatorApiDelegate {

    private final SandboxSignup signup;
    private final OperatorService operators;
    private final CurrentCaller caller;

    SandboxOperatorApiImpl(SandboxSignup signup, OperatorService operators, CurrentCaller caller) {
        this.signup = signup;
        this.operators = operators;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<SandboxAuthResponseDto> sandboxInitializeOperator(SandboxInitRequestDto body) {
        AuthService.Credentials c = signup.init(body.getEmail(), body.getPassword(), body.getAuthKeyId(),
                body.getAuthKey(),
                body.getCoverageTypes() == null ? null
                        : body.getCoverageTypes().stream().map(SandboxInitRequestDto.CoverageTypesEnum::getValue).toList(),
                body.getRegisterPaymentMethod());
        return ResponseEntity.status(HttpStatus.CREATED).body(new SandboxAuthResponseDto().apiKey(c.apiKey())
                .token(c.token()).operatorId(c.operatorId()).userName(c.userName()));
    }

    @Override
    public ResponseEntity<Void> sandboxDeleteOperator(String operatorId) {
        operators.delete(operatorId);
        return ResponseEntity.ok().build();
    }

    @Override
    public ResponseEntity<SandboxGetSignupTokenResponseDto> sandboxGetSignupToken(String email,
            SandboxGetSignupTokenRequestDto body) {
        String token = signup.signupToken(email, body == null ? null : body.getAuthKeyId(),
                body == null ? null : body.getAuthKey());
        return ResponseEntity.ok(new SandboxGetSignupTokenResponseDto().token(token));
    }
}
