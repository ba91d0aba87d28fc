package dev.soracommock.operator;

import dev.soracommock.config.Identifiers;
import dev.soracommock.config.MockProperties;
import dev.soracommock.web.ApiException;
import dev.soracommock.web.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sandbox's sign-up rules. The real sandbox checks the production auth key pair with the production API; the
 * emulator has no production to ask, so any non-empty pair is accepted unless an allow-list of auth key IDs is
 * configured ({@code SORACOM_MOCK_SANDBOX_ALLOWED_AUTH_KEY_IDS}).
 */
@Service
class SandboxSignup {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final OperatorService operators;
    private final AuthService auth;
    private final MockProperties properties;
    private final Identifiers ids;

    SandboxSignup(OperatorService operators, AuthService auth, MockProperties properties, Identifiers ids) {
        this.operators = operators;
        this.auth = auth;
        this.properties = properties;
        this.ids = ids;
    }

    /** {@code POST /sandbox/init}: a verified operator, its payment method, and a first API key and token. */
    @Transactional
    AuthService.Credentials init(String email, String password, String authKeyId, String authKey,
            List<String> coverageTypes, Boolean registerPaymentMethod) {
        checkProductionKey(authKeyId, authKey);
        if (email == null || !EMAIL.matcher(email).matches()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "not a well-formed email address:email");
        }
        if (password == null || password.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "may not be empty:password");
        }
        List<String> coverage = new ArrayList<>();
        if (coverageTypes != null) {
            coverageTypes.stream().filter(OperatorService.COVERAGE_TYPES::contains).distinct().forEach(coverage::add);
        }
        if (coverage.isEmpty()) {
            coverage.add("jp");
        }
        OperatorService.OperatorView op = operators.create(null, email, password, coverage,
                registerPaymentMethod == null || registerPaymentMethod);
        return auth.issue(op.operatorId(), null, AuthService.DEFAULT_TTL);
    }

    /** {@code POST /sandbox/operators/token/{email}}: the legacy flow's one-time token, for an existing operator. */
    String signupToken(String email, String authKeyId, String authKey) {
        checkProductionKey(authKeyId, authKey);
        if (email == null || !operators.emailExists(email)) {
            throw new ApiException(ErrorCode.SANDBOX_NO_VERIFIED_OPERATOR);
        }
        return ids.alphanumeric(40);
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
