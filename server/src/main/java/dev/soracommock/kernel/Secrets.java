package dev.soracommock.kernel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Salted SHA-256 for stored passwords and auth-key secrets, so an exported state never contains them in clear.
 * (An emulator does not need a slow password hash; it needs fast, deterministic tests.)
 */
@Component
public class Secrets {

    private final Identifiers ids;

    public Secrets(Identifiers ids) {
        this.ids = ids;
    }

    public String hash(String secret) {
        String salt = Base64.getEncoder().withoutPadding().encodeToString(ids.bytes(12));
        return salt + "$" + digest(salt, secret);
    }

    public boolean matches(String secret, String stored) {
        if (secret == null || stored == null) {
            return false;
        }
        int i = stored.indexOf('$');
        if (i < 0) {
            return false;
        }
        String salt = stored.substring(0, i);
        return MessageDigest.isEqual(digest(salt, secret).getBytes(StandardCharsets.US_ASCII),
                stored.substring(i + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private static String digest(String salt, String secret) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(md.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
