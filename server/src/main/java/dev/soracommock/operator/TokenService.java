package dev.soracommock.operator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.Identifiers;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;

/**
 * API tokens are signed JWTs (HS256, with a {@code kid}), as the real ones are JWTs: soracom-cli reads
 * {@code operator.operatorId} from the payload to fill every {@code {operator_id}}. The payload also carries the
 * coverage types, the SAM user when there is one, {@code sid} (the API-key session the token belongs to),
 * {@code iat} and {@code exp}. The signing key is created once and kept in the database, so tokens survive a
 * restart with file persistence and are accepted by every instance sharing one PostgreSQL.
 */
@Service
class TokenService {

    static final String ISSUER = "https://soracom-mock";
    private static final String KEY_NAME = "jwt-hs256";

    /** What a verified token says. */
    record Claims(String operatorId, String userName, String sessionId, Instant expiresAt) {
    }

    private final MockClock clock;
    private final JdbcTemplate jdbc;
    private final Identifiers ids;
    private final TransactionTemplate savepoint;
    private volatile Key key;

    /**
     * The signing key, and the tokens it has already verified (a token's signature and claims do not change, so only
     * its expiry is checked again); a new key (reset, imported state) starts with none.
     */
    private record Key(String kid, MACSigner signer, MACVerifier verifier, Cache<String, Claims> verified) {

        Key(String kid, MACSigner signer, MACVerifier verifier) {
            this(kid, signer, verifier, Caffeine.newBuilder().maximumSize(MAX_VERIFIED).build());
        }

        void remember(String token, Claims claims) {
            verified.put(token, claims);
        }
    }

    /** More tokens than any test suite uses; past it the least used are dropped (Caffeine's size bound). */
    static final int MAX_VERIFIED = 10_000;

    TokenService(MockClock clock, JdbcTemplate jdbc, Identifiers ids, PlatformTransactionManager transactions) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.ids = ids;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    String issue(String operatorId, String userName, List<String> coverageTypes, String sessionId, Instant issuedAt,
            Instant expiresAt) {
        Key k = key();
        Map<String, Object> operator = new LinkedHashMap<>();
        operator.put("operatorId", operatorId);
        operator.put("coverageTypes", coverageTypes);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(userName == null ? operatorId : operatorId + ":" + userName)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(ids.uuid().toString())
                .claim("sid", sessionId)
                .claim("operator", operator);
        if (userName != null) {
            claims.claim("user", Map.of("userName", userName, "operatorId", operatorId));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID(k.kid()).build(),
                claims.build());
        try {
            jwt.sign(k.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /**
     * Verifies signature and expiry (against the emulator's clock).
     *
     * @throws ApiException AUM0006 when the token is not one of ours (malformed, other algorithm, {@code alg=none},
     *                      wrong key, tampered), AUM0007 when it has expired
     */
    Claims verify(String token) {
        Key k = key();
        Claims known = k.verified().getIfPresent(token);
        if (known == null) {
            known = verifySignatureAndClaims(token, k);
            k.remember(token, known);
        }
        if (!clock.instant().isBefore(known.expiresAt())) {
            throw new ApiException(ErrorCode.TOKEN_EXPIRED);
        }
        return known;
    }

    private static Claims verifySignatureAndClaims(String token, Key k) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(k.verifier())) {
                throw new ApiException(ErrorCode.TOKEN_INVALID);
            }
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException | IllegalStateException e) {
            throw new ApiException(ErrorCode.TOKEN_INVALID);
        }
        Date exp = claims.getExpirationTime();
        Object operator = claims.getClaim("operator");
        Object sid = claims.getClaim("sid");
        if (exp == null || !(operator instanceof Map<?, ?> op) || !(op.get("operatorId") instanceof String operatorId)
                || !(sid instanceof String sessionId)) {
            throw new ApiException(ErrorCode.TOKEN_INVALID);
        }
        String userName = claims.getClaim("user") instanceof Map<?, ?> user && user.get("userName") instanceof String u ? u : null;
        return new Claims(operatorId, userName, sessionId, exp.toInstant());
    }

    private Key key() {
        Key k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = loadOrCreateKey();
                }
                k = key;
            }
        }
        return k;
    }

    /** Forget the cached key (after the database was reset or replaced: an imported state brings its own key). */
    @org.springframework.context.event.EventListener(dev.soracommock.kernel.EmulatorReset.class)
    synchronized void reload() {
        key = null;
    }

    private Key loadOrCreateKey() {
        List<String> found = jdbc.queryForList("select secret_value from server_secret where secret_name = ?", String.class, KEY_NAME);
        String encoded;
        if (found.isEmpty()) {
            encoded = Base64.getEncoder().encodeToString(ids.bytes(32));
            if (!insertKeyIfAbsent(encoded)) {
                // another instance on the same database created it first: use theirs
                encoded = jdbc.queryForObject("select secret_value from server_secret where secret_name = ?", String.class, KEY_NAME);
            }
        } else {
            encoded = found.get(0);
        }
        byte[] secret = Base64.getDecoder().decode(encoded);
        try {
            String kid = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(secret)).substring(0, 16);
            return new Key(kid, new MACSigner(secret), new MACVerifier(secret));
        } catch (JOSEException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stores a new signing key; false when one is stored already (another instance created it since this one looked).
     * Under a savepoint of the caller's transaction, or in a transaction of its own without one: on PostgreSQL the
     * failed insert would otherwise abort the caller's whole transaction, and the look-up after it too.
     */
    boolean insertKeyIfAbsent(String encoded) {
        try {
            savepoint.executeWithoutResult(status -> jdbc.update(
                    "insert into server_secret (secret_name, secret_value) values (?, ?)", KEY_NAME, encoded));
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }
}
