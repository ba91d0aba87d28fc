package dev.soracommock.operator;

import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.Identifiers;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.Authenticator;
import dev.soracommock.kernel.Caller;
import dev.soracommock.kernel.ErrorCode;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API keys and tokens: issuing them at login, checking them on every call, refreshing and revoking them.
 * An API key is {@code api-} + a UUID; its token is a JWT ({@link TokenService}).
 */
@Service
public class AuthService implements Authenticator {

    /** Token lifetime bounds of {@code POST /auth} (seconds). */
    static final long MIN_TTL = 180;
    static final long MAX_TTL = 172_800;
    public static final long DEFAULT_TTL = 86_400;

    /** What a login answers. */
    public record Credentials(String apiKey, String token, String operatorId, String userName) {
    }

    /** Token lifetime bounds of {@code POST /auth/switch_user} (seconds). */
    static final long SWITCH_MAX_TTL = 3600;

    private final ApiSessionStore sessions;
    private final OperatorService operators;
    private final TokenService tokens;
    private final Identifiers ids;
    private final MockClock clock;
    private final ObjectProvider<UserCredentials> users;
    private final SessionCache cache;
    private final TransactionTemplate readOnly;

    AuthService(ApiSessionStore sessions, OperatorService operators, TokenService tokens, Identifiers ids,
            MockClock clock, ObjectProvider<UserCredentials> users, SessionCache cache,
            PlatformTransactionManager transactions) {
        this.sessions = sessions;
        this.operators = operators;
        this.tokens = tokens;
        this.ids = ids;
        this.clock = clock;
        this.users = users;
        this.cache = cache;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** {@code POST /auth}: email+password, authKeyId+authKey, or operatorId+userName+password (SAM users). */
    @Transactional
    Credentials login(String email, String password, String authKeyId, String authKey, String operatorId,
            String userName, Long tokenTimeoutSeconds) {
        long ttl = ttl(tokenTimeoutSeconds, MIN_TTL, MAX_TTL);
        if (notBlank(authKeyId) || notBlank(authKey)) {
            if (!notBlank(authKeyId) || !notBlank(authKey)) {
                throw new ApiException(ErrorCode.AUTH_FAILED);
            }
            var owner = operators.checkAuthKey(authKeyId, authKey);
            return issue(owner.operatorId(), owner.userName(), ttl);
        }
        if (notBlank(userName) || notBlank(operatorId)) {
            UserCredentials sam = users.getIfAvailable();
            if (sam == null || !notBlank(userName) || !notBlank(operatorId) || !notBlank(password)
                    || !operators.exists(operatorId) || !sam.checkPassword(operatorId, userName, password)) {
                throw new ApiException(ErrorCode.AUTH_FAILED);
            }
            return issue(operatorId, userName, ttl);
        }
        // an e-mail login: an empty e-mail or password, or a malformed e-mail, is the real API's 400 COM0008 with its
        // bean-validation messages, password first (soracom-facts §5, captured from /auth in 2017)
        InputConstraints.check().notEmpty("password", password).notEmpty("email", email).email("email", email).orRefuse();
        if (!notBlank(email) || !notBlank(password)) {
            throw new ApiException(ErrorCode.AUTH_FAILED);
        }
        var op = operators.checkPassword(email, password);
        return issue(op.operatorId(), null, ttl);
    }

    /** A new API key and token for an operator (or one of its users). */
    @Transactional
    public Credentials issue(String operatorId, String userName, long ttlSeconds) {
        String apiKey = "api-" + ids.uuid();
        String sessionId = ids.alphanumeric(24);
        Instant now = clock.instant();
        Instant expiresAt = now.plusSeconds(ttlSeconds);
        sessions.save(new ApiSession(apiKey, operatorId, userName, sessionId, expiresAt.toEpochMilli(), now.toEpochMilli()));
        String token = tokens.issue(operatorId, userName, operators.get(operatorId).coverageTypes(), sessionId, now, expiresAt);
        return new Credentials(apiKey, token, operatorId, userName);
    }

    /**
     * Every authenticated call: the token's signature and expiry, then its session (from the {@link SessionCache}
     * when it holds the key, else read with its operator's coverage types in one query, in a read-only transaction).
     */
    @Override
    public Caller authenticate(String apiKey, String token) {
        TokenService.Claims claims = tokens.verify(token);
        SessionCache.Entry session = cache.get(apiKey, () -> readOnly.execute(tx -> load(apiKey)));
        if (session == null) {
            throw new ApiException(ErrorCode.UNKNOWN_API_KEY);
        }
        if (!session.sessionId().equals(claims.sessionId()) || !session.operatorId().equals(claims.operatorId())) {
            throw new ApiException(ErrorCode.API_KEY_TOKEN_MISMATCH);
        }
        if (session.revoked()) {
            throw new ApiException(ErrorCode.TOKEN_REVOKED);
        }
        return new Caller(session.operatorId(), session.userName(), apiKey, session.coverageTypes());
    }

    private SessionCache.Entry load(String apiKey) {
        return sessions.findEntryByApiKey(apiKey).orElse(null);
    }

    /** {@code POST /operators/{id}/token}: a new token for the caller's API key; the key stays the same. */
    @Transactional
    String refreshToken(Caller caller, Long tokenTimeoutSeconds) {
        long ttl = ttl(tokenTimeoutSeconds, MIN_TTL, MAX_TTL);
        ApiSession session = sessions.findByApiKey(caller.apiKey()).orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_API_KEY));
        Instant now = clock.instant();
        Instant expiresAt = now.plusSeconds(ttl);
        session.extendTo(expiresAt.toEpochMilli());
        sessions.save(session);
        return tokens.issue(session.operatorId(), session.userName(), caller.coverageTypes(), session.sessionId(), now, expiresAt);
    }

    /**
     * {@code POST /auth/switch_user}: credentials of another SAM user (of this or another operator) whose trust
     * policy names the caller. TTL 180–3600 s, default 3600.
     */
    @Transactional
    Credentials switchUser(Caller caller, String operatorId, String userName, Long tokenTimeoutSeconds) {
        long ttl = tokenTimeoutSeconds == null ? SWITCH_MAX_TTL : ttl(tokenTimeoutSeconds, MIN_TTL, SWITCH_MAX_TTL);
        String targetOperator = notBlank(operatorId) ? operatorId : caller.operatorId();
        UserCredentials sam = users.getIfAvailable();
        if (sam == null || !notBlank(userName) || !operators.exists(targetOperator)
                || !sam.exists(targetOperator, userName)) {
            throw new ApiException(ErrorCode.USER_NOT_FOUND);
        }
        String principal = caller.isRoot() ? UserCredentials.operatorSrn(caller.operatorId())
                : UserCredentials.userSrn(caller.operatorId(), caller.userName());
        if (!sam.trusts(targetOperator, userName, principal)) {
            throw new ApiException(ErrorCode.SWITCH_USER_NOT_TRUSTED, UserCredentials.userSrn(targetOperator, userName), principal);
        }
        return issue(targetOperator, userName, ttl);
    }

    /** {@code DELETE /operators/{id}/users/{name}/tokens}, and a deleted user: the user's keys stop working. */
    @Transactional
    public void revokeUser(String operatorId, String userName) {
        sessions.revokeAllOfUser(operatorId, userName);
        cache.evictAll();
    }

    /** {@code POST /auth/logout}: the caller's key and its tokens stop working. */
    @Transactional
    void logout(Caller caller) {
        sessions.findByApiKey(caller.apiKey()).ifPresent(session -> {
            session.revoke();
            sessions.save(session);
        });
        cache.evictAll();
    }

    /** {@code DELETE /operators/{id}/tokens}: every key and token of the operator stops working. */
    @Transactional
    void revokeAll(String operatorId) {
        sessions.revokeAllOf(operatorId);
        cache.evictAll();
    }

    static long ttl(Long requested, long min, long max) {
        if (requested == null) {
            return Math.min(DEFAULT_TTL, max);
        }
        if (requested < min || requested > max) {
            throw new ApiException(ErrorCode.TOKEN_TIMEOUT_OUT_OF_RANGE, min, max);
        }
        return requested;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
