package dev.soracommock.operator;

import dev.soracommock.api.sandbox.ApiSandboxOperatorApiDelegate;
import dev.soracommock.api.sandbox.model.SandboxAuthResponseDto;
import dev.soracommock.api.sandbox.model.SandboxGetSignupTokenRequestDto;
import dev.soracommock.api.sandbox.model.SandboxGetSignupTokenResponseDto;
import dev.soracommock.api.sandbox.model.RegisterOperatorsRequestDto;
import dev.soracommock.api.sandbox.model.SandboxInitRequestDto;
import dev.soracommock.api.sandbox.model.VerifyOperatorsRequestDto;
import dev.soracommock.coverage.Limitation;
import dev.soracommock.kernel.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * API Sandbox: Operator tag — sign-up in one call, operator deletion, and the legacy sign-up in three calls (sign-up,
 * one-time token, verification; soracom-facts §3.3).
 */
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
    @Limitation("legacy (not in today's contracts; shape of Soracom's 2017 document): the password must have 8-100"
            + " characters with a lower-case letter, an upper-case letter and a digit (AUM0010), as that document says;"
            + " the operator cannot log in (401 AUM0002) until verified")
    public ResponseEntity<Void> createOperator(RegisterOperatorsRequestDto body) {
        signup.createOperator(body.getEmail(), body.getPassword(), body.getCoverageTypes() == null ? null
                : body.getCoverageTypes().stream().map(RegisterOperatorsRequestDto.CoverageTypesEnum::getValue).toList());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @Override
    @Limitation("legacy (not in today's contracts; shape of Soracom's 2017 document): the one-time token lives 24 hours"
            + " of the emulator's clock (the real lifetime is not known); a wrong or used token is 400 AUM0037, an"
            + " expired one 404 AUM0038 (the statuses of that document, codes of the emulator)")
    public ResponseEntity<Void> verifyOperator(VerifyOperatorsRequestDto body) {
        signup.verify(body.getToken());
        return ResponseEntity.ok().build();
    }

    @Override
    @Limitation("any non-empty production key pair is taken (unless SORACOM_MOCK_SANDBOX_ALLOWED_AUTH_KEY_IDS says"
            + " otherwise); the token is kept only for an operator of the legacy sign-up not verified yet: a verified"
            + " operator gets a token that verifies nothing (the real answer there is not known)")
    public ResponseEntity<SandboxGetSignupTokenResponseDto> sandboxGetSignupToken(String email,
            SandboxGetSignupTokenRequestDto body) {
        String token = signup.signupToken(email, body == null ? null : body.getAuthKeyId(),
                body == null ? null : body.getAuthKey());
        return ResponseEntity.ok(new SandboxGetSignupTokenResponseDto().token(token));
    }
}
