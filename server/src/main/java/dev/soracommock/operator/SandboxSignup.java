package dev.soracommock.operator;

import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.Identifiers;
import dev.soracommock.config.MockProperties;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sandbox's sign-up rules: {@code /sandbox/init} in one call, and the legacy three-call flow (soracom-facts §3.3)
 * that Ruby and Swift sandbox clients still use: {@code POST /operators} → {@code POST /sandbox/operators/token/{email}}
 * → {@code POST /operators/verify}. The real sandbox checks the production auth key pair with the production API; the
 * emulator has no production to ask, so any non-empty pair is accepted unless an allow-list of auth key IDs is
 * configured ({@code SORACOM_MOCK_SANDBOX_ALLOWED_AUTH_KEY_IDS}).
 */
@Component
class SandboxSignup {

    /**
     * How long a one-time sign-up token stays valid: 24 hours of the emulator's clock. The real lifetime is not known
     * [UNKNOWN, soracom-facts §3.3]; a day leaves any client's flow room and lets a test expire it by moving the clock.
     */
    static final Duration SIGNUP_TOKEN_LIFETIME = Duration.ofHours(24);

    /**
     * The password rule of the legacy sign-up, as Soracom's API document of 2017-11-09 words it for
     * {@code RegisterOperatorsRequest.password}: 8 to 100 characters, with at least one lower-case letter (a-z), one
     * upper-case letter (A-Z) and one digit; symbols allowed. The real API answered {@code AUM0010} "Invalid password
     * format." to passwords that missed it (soracom-facts §5).
     */
    private static final Pattern PASSWORD = Pattern.compile("^(?=.*[a-z])(?=.*[A-Z])(?=.*[0-9]).{8,100}$", Pattern.DOTALL);

    private final OperatorService operators;
    private final AuthService auth;
    private final MockProperties properties;
    private final Identifiers ids;
    private final SignupTokenStore tokens;
    private final MockClock clock;

    SandboxSignup(OperatorService operators, AuthService auth, MockProperties properties, Identifiers ids,
            SignupTokenStore tokens, MockClock clock) {
        this.operators = operators;
        this.auth = auth;
        this.properties = properties;
        this.ids = ids;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** {@code POST /sandbox/init}: a verified operator, its payment method, and a first API key and token. */
    @Transactional
    AuthService.Credentials init(String email, String password, String authKeyId, String authKey,
            List<String> coverageTypes, Boolean registerPaymentMethod) {
        checkProductionKey(authKeyId, authKey);
        InputConstraints.check().notEmpty("email", email).email("email", email).notEmpty("password", password).orRefuse();
        OperatorService.OperatorView op = operators.create(null, email, password, coverage(coverageTypes),
                registerPaymentMethod == null || registerPaymentMethod);
        return auth.issue(op.operatorId(), null, AuthService.DEFAULT_TTL);
    }

    private static List<String> coverage(List<String> coverageTypes) {
        List<String> coverage = new ArrayList<>();
        if (coverageTypes != null) {
            coverageTypes.stream().filter(OperatorService.COVERAGE_TYPES::contains).distinct().forEach(coverage::add);
        }
        if (coverage.isEmpty()) {
            coverage.add("jp");
        }
        return coverage;
    }

    /**
     * {@code POST /operators} (legacy): an operator that cannot log in until it is verified; no payment method (the
     * legacy flow registered a dummy card with {@code POST /payment_methods/webpay} after logging in). 400
     * {@code COM0008} for an empty or malformed e-mail or an empty password, {@code AUM0010} for a password outside
     * the rule, {@code AUM0003} for an e-mail already registered (also by an operator not verified yet).
     */
    @Transactional
    void createOperator(String email, String password, List<String> coverageTypes) {
        InputConstraints.check().notEmpty("email", email).email("email", email).notEmpty("password", password).orRefuse();
        if (!PASSWORD.matcher(password).matches()) {
            throw new ApiException(ErrorCode.PASSWORD_FORMAT_INVALID);
        }
        operators.createUnverified(email, password, coverage(coverageTypes));
    }

    /**
     * {@code POST /sandbox/operators/token/{email}}: the legacy flow's one-time token of an existing operator (400
     * {@code SBX1003} before its sign-up), valid for {@link #SIGNUP_TOKEN_LIFETIME}; a new one replaces the last. An
     * operator that is verified already ({@code /sandbox/init}, or verified before) gets a token as it always did,
     * which is not kept: there is nothing left to verify, and a caller who knows only the e-mail changes nothing of
     * the operator (what the real sandbox answers there is not known [UNKNOWN, soracom-facts §3.3]).
     */
    @Transactional
    String signupToken(String email, String authKeyId, String authKey) {
        checkProductionKey(authKeyId, authKey);
        OperatorService.OperatorView op = email == null ? null : operators.byEmail(email).orElse(null);
        if (op == null) {
            throw new ApiException(ErrorCode.SANDBOX_NO_VERIFIED_OPERATOR);
        }
        String token = ids.alphanumeric(40);
        if (op.verified()) {
            return token;
        }
        String operatorId = op.operatorId();
        long expiresAt = clock.nowMillis() + SIGNUP_TOKEN_LIFETIME.toMillis();
        SignupToken t = tokens.findByOperatorId(operatorId).orElse(null);
        if (t == null) {
            t = new SignupToken(operatorId, token, expiresAt);
        } else {
            t.renew(token, expiresAt);
        }
        tokens.save(t);
        return token;
    }

    /**
     * {@code POST /operators/verify}: the token's operator can log in from now on, and the token is used up. 400
     * {@code AUM0037} for a token that was never given out (or is used up), 404 {@code AUM0038} for an expired one
     * (the statuses of Soracom's 2017 document; the codes are the emulator's, the real ones are not known).
     */
    @Transactional
    void verify(String token) {
        SignupToken t = token == null || token.isEmpty() ? null : tokens.findByToken(token).orElse(null);
        if (t == null) {
            throw new ApiException(ErrorCode.SIGNUP_TOKEN_INVALID);
        }
        if (clock.nowMillis() >= t.expiresAt()) {
            throw new ApiException(ErrorCode.SIGNUP_TOKEN_EXPIRED);
        }
        operators.markVerified(t.operatorId());
        tokens.delete(t);
    }

    private void checkProductionKey(String authKeyId, String authKey) {
        if (authKeyId == null || authKeyId.isBlank() || authKey == null || authKey.isBlank()) {
            throw new ApiException(ErrorCode.SANDBOX_BAD_PRODUCTION_CREDENTIALS);
        }
        List<String> allowed = properties.sandbox().allowedAuthKeyIds();
        if (!allowed.isEmpty() && !allowed.contains(authKeyId)) {
            throw new ApiException(ErrorCode.SANDBOX_BAD_PRODUCTION_CREDENTIALS);
        }
    }
}
