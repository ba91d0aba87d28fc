package dev.soracommock.kernel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Who is calling (for an eSIM Commerce call, {@code operatorId} is the reseller: see {@link #reseller}): the operator, the SAM user when the credentials are a user's, and the API key presented.
 * Domains take {@link #operatorId()} as the first argument of every repository call (tenant isolation).
 */
public record Caller(String operatorId, String userName, String apiKey, List<String> coverageTypes) {

    /**
     * An eSIM Commerce reseller: identified by the SHA-256 (hex) of its API key, so the key itself is never stored;
     * each distinct key is a tenant of its own.
     */
    public static Caller reseller(String apiKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return new Caller(HexFormat.of().formatHex(hash), null, apiKey, List.of());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isRoot() {
        return userName == null;
    }
}
