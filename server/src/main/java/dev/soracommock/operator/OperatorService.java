package dev.soracommock.operator;

import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.Identifiers;
import dev.soracommock.kernel.Secrets;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Operators (accounts) and their own auth keys: creation, look-up, coverage types, deletion. */
@Service
public class OperatorService {

    /** Coverage types of the real service: Japan and global. */
    static final Set<String> COVERAGE_TYPES = Set.of("jp", "g");

    /** What other domains may know of an operator. */
    public record OperatorView(String operatorId, String email, String description, List<String> coverageTypes,
            boolean paymentMethodRegistered, long createdAt, long updatedAt, boolean verified) {
    }

    /** A freshly generated auth key: the only time its secret is shown. */
    public record NewAuthKey(String authKeyId, String authKey) {
    }

    private final OperatorStore operators;
    private final AuthKeyStore authKeys;
    private final Secrets secrets;
    private final Identifiers ids;
    private final MockClock clock;
    private final SessionCache sessions;

    OperatorService(OperatorStore operators, AuthKeyStore authKeys, Secrets secrets, Identifiers ids,
            MockClock clock, SessionCache sessions) {
        this.operators = operators;
        this.authKeys = authKeys;
        this.secrets = secrets;
        this.ids = ids;
        this.clock = clock;
        this.sessions = sessions;
    }

    /**
     * Creates an operator that can log in with email and password at once.
     *
     * @param operatorId the ID to use, or null to mint {@code OP} + 10 digits
     */
    @Transactional
    public OperatorView create(String operatorId, String email, String password, List<String> coverageTypes,
            boolean paymentMethodRegistered) {
        return insert(operatorId, email, password, coverageTypes, paymentMethodRegistered, true);
    }

    /** The legacy sign-up's operator ({@code POST /operators}): it cannot log in until {@link #markVerified}. */
    @Transactional
    OperatorView createUnverified(String email, String password, List<String> coverageTypes) {
        return insert(null, email, password, coverageTypes, false, false);
    }

    private OperatorView insert(String operatorId, String email, String password, List<String> coverageTypes,
            boolean paymentMethodRegistered, boolean verified) {
        if (operators.existsByEmailIgnoreCase(email)) {
            throw new ApiException(ErrorCode.EMAIL_ALREADY_REGISTERED);
        }
        String id = operatorId != null ? operatorId : mintOperatorId();
        Operator op = new Operator(id, email, secrets.hash(password), coverageTypes, paymentMethodRegistered, clock.nowMillis());
        if (!verified) {
            op.awaitVerification();
        }
        return view(operators.save(op));
    }

    /** The legacy sign-up's verification: the operator can log in from now on. */
    @Transactional
    void markVerified(String operatorId) {
        Operator op = find(operatorId);
        if (op.verify(clock.nowMillis())) {
            operators.save(op);
        }
    }

    /** Look-up by e-mail (establishes whose a sign-up token is; like a login, it takes no operator). */
    @Transactional(readOnly = true)
    java.util.Optional<OperatorView> byEmail(String email) {
        return operators.findByEmailIgnoreCase(email).map(OperatorService::view);
    }

    private String mintOperatorId() {
        String id;
        do {
            id = "OP" + ids.digits(10);
        } while (operators.existsByOperatorId(id));
        return id;
    }

    @Transactional(readOnly = true)
    public OperatorView get(String operatorId) {
        return view(find(operatorId));
    }

    @Transactional(readOnly = true)
    public boolean exists(String operatorId) {
        return operators.existsByOperatorId(operatorId);
    }

    /**
     * The IDs of the operator's registered e-mail addresses, as {@code /operators/{id}/emails} lists them: the one
     * it signed up with ({@link EmailApiImpl}), as no other can be added.
     */
    @Transactional(readOnly = true)
    public List<String> emailIds(String operatorId) {
        find(operatorId);
        return List.of(EmailApiImpl.PRIMARY);
    }

    /** Whether {@code password} is the operator's current password. */
    @Transactional(readOnly = true)
    public boolean passwordMatches(String operatorId, String password) {
        return password != null && secrets.matches(password, find(operatorId).passwordHash());
    }

    @Transactional(readOnly = true)
    public boolean emailExists(String email) {
        return operators.existsByEmailIgnoreCase(email);
    }

    /**
     * Email + password login; 401 AUM0002 when either is wrong, or when the operator (made by the legacy sign-up) is
     * not verified yet: what the real API answers then is not known [UNKNOWN, soracom-facts §3.3]; the emulator
     * answers as for a wrong password.
     */
    @Transactional(readOnly = true)
    OperatorView checkPassword(String email, String password) {
        Operator op = operators.findByEmailIgnoreCase(email).orElseThrow(() -> new ApiException(ErrorCode.AUTH_FAILED));
        if (!secrets.matches(password, op.passwordHash()) || !op.verified()) {
            throw new ApiException(ErrorCode.AUTH_FAILED);
        }
        return view(op);
    }

    /** Auth key login; 401 AUM0002 when the key is unknown or the secret wrong. Records the key's last use. */
    @Transactional
    AuthKeyOwner checkAuthKey(String authKeyId, String secret) {
        AuthKey key = authKeys.findByAuthKeyId(authKeyId).orElseThrow(() -> new ApiException(ErrorCode.AUTH_FAILED));
        if (!secrets.matches(secret, key.secretHash())) {
            throw new ApiException(ErrorCode.AUTH_FAILED);
        }
        key.used(clock.nowSeconds());
        authKeys.save(key);
        return new AuthKeyOwner(key.operatorId(), key.userName());
    }

    record AuthKeyOwner(String operatorId, String userName) {
    }

    /** The operator now has a payment method (the legacy WebPay card registration). */
    @Transactional
    public void registerPaymentMethod(String operatorId) {
        Operator op = find(operatorId);
        if (op.registerPaymentMethod(clock.nowMillis())) {
            operators.save(op);
        }
    }

    /** {@code POST /operators/{id}/password}: the current password must be given. */
    @Transactional
    void updatePassword(String operatorId, String currentPassword, String newPassword) {
        Operator op = find(operatorId);
        if (!secrets.matches(currentPassword, op.passwordHash())) {
            throw new ApiException(ErrorCode.WRONG_CURRENT_PASSWORD);
        }
        if (newPassword == null || newPassword.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "may not be empty:newPassword");
        }
        op.changePassword(secrets.hash(newPassword), clock.nowMillis());
        operators.save(op);
    }

    @Transactional
    public void addCoverageType(String operatorId, String coverageType) {
        if (!COVERAGE_TYPES.contains(coverageType)) {
            throw new ApiException(ErrorCode.INVALID_COVERAGE_TYPE, coverageType);
        }
        Operator op = find(operatorId);
        if (op.addCoverageType(coverageType, clock.nowMillis())) {
            operators.save(op);
        }
        sessions.evictAll(); // callers carry the coverage types
    }

    /** Deletes the operator and, through the schema's cascades, everything it owns. */
    @Transactional
    public void delete(String operatorId) {
        if (!operators.existsByOperatorId(operatorId)) {
            throw new ApiException(ErrorCode.SANDBOX_OPERATOR_NOT_FOUND);
        }
        operators.deleteByOperatorId(operatorId);
        sessions.evictAll(); // its API keys went with it
    }

    /** A new root auth key of the operator (also used by the control API's fork). */
    @Transactional
    public NewAuthKey generateAuthKey(String operatorId) {
        return generateAuthKey(operatorId, null);
    }

    /** Also used at start-up for the default operator's configured pair. */
    @Transactional
    NewAuthKey addAuthKey(String operatorId, String authKeyId, String authKey) {
        authKeys.save(new AuthKey(authKeyId, operatorId, null, secrets.hash(authKey), clock.nowSeconds()));
        return new NewAuthKey(authKeyId, authKey);
    }

    /** An auth key as the API lists it (times in epoch seconds). */
    public record AuthKeyView(String authKeyId, long createDateTime, Long lastUsedDateTime) {
    }

    /** {@code POST /operators/{id}/users/{name}/auth_keys}; the caller has checked that the user exists. */
    @Transactional
    public NewAuthKey generateUserAuthKey(String operatorId, String userName) {
        return generateAuthKey(operatorId, userName);
    }

    @Transactional(readOnly = true)
    public List<AuthKeyView> listUserAuthKeys(String operatorId, String userName) {
        return authKeys.findByOperatorIdAndUserNameOrderByCreatedAtAscAuthKeyIdAsc(operatorId, userName).stream()
                .map(k -> new AuthKeyView(k.authKeyId(), k.createdAt(), k.lastUsedAt())).toList();
    }

    @Transactional(readOnly = true)
    public AuthKeyView getUserAuthKey(String operatorId, String userName, String authKeyId) {
        AuthKey k = authKeys.findByOperatorIdAndUserNameAndAuthKeyId(operatorId, userName, authKeyId)
                .orElseThrow(() -> new ApiException(ErrorCode.AUTH_KEY_NOT_FOUND));
        return new AuthKeyView(k.authKeyId(), k.createdAt(), k.lastUsedAt());
    }

    @Transactional
    public void deleteUserAuthKey(String operatorId, String userName, String authKeyId) {
        authKeys.delete(authKeys.findByOperatorIdAndUserNameAndAuthKeyId(operatorId, userName, authKeyId)
                .orElseThrow(() -> new ApiException(ErrorCode.AUTH_KEY_NOT_FOUND)));
    }

    /** A deleted user's keys go with it. */
    @Transactional
    public void deleteUserAuthKeys(String operatorId, String userName) {
        authKeys.findByOperatorIdAndUserNameOrderByCreatedAtAscAuthKeyIdAsc(operatorId, userName).forEach(authKeys::delete);
    }

    private NewAuthKey generateAuthKey(String operatorId, String userName) {
        String keyId;
        do {
            keyId = "keyId-" + ids.alphanumeric(32);
        } while (authKeys.existsByAuthKeyId(keyId));
        String secret = "secret-" + ids.alphanumeric(64);
        authKeys.save(new AuthKey(keyId, operatorId, userName, secrets.hash(secret), clock.nowSeconds()));
        return new NewAuthKey(keyId, secret);
    }

    @Transactional(readOnly = true)
    List<AuthKey> listAuthKeys(String operatorId) {
        return authKeys.findByOperatorIdAndUserNameIsNullOrderByCreatedAtAscAuthKeyIdAsc(operatorId);
    }

    @Transactional
    void deleteAuthKey(String operatorId, String authKeyId) {
        AuthKey key = authKeys.findByOperatorIdAndUserNameIsNullAndAuthKeyId(operatorId, authKeyId)
                .orElseThrow(() -> new ApiException(ErrorCode.AUTH_KEY_NOT_FOUND));
        authKeys.delete(key);
    }

    private Operator find(String operatorId) {
        return operators.findByOperatorId(operatorId).orElseThrow(() -> new ApiException(ErrorCode.INVALID_OPERATOR_ID));
    }

    private static OperatorView view(Operator op) {
        return new OperatorView(op.operatorId(), op.email(), op.description(), op.coverageTypes(),
                op.paymentMethodRegistered(), op.createdAt(), op.updatedAt(), op.verified());
    }
}
