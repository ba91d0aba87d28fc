package dev.soracommock.kernel;

import org.springframework.beans.factory.annotation.Value;
import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Random parts of every identifier the emulator mints. With {@code SORACOM_MOCK_SEED} set, the same sequence of
 * calls mints the same identifiers (reproducible test runs); otherwise they are random.
 */
@Component
public class Identifiers {

    private static final char[] ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final Long seed;
    private Random random;

    public Identifiers(@Value("${soracom-mock.seed:#{null}}") Long seed) {
        this.seed = seed;
        this.random = seed == null ? new SecureRandom() : new Random(seed);
    }

    /**
     * After a state was imported: a seeded generator starts a new sequence, derived from the seed and {@code salt}, so
     * that it does not mint again the identifiers of the run the state came from (same seed, same import, same calls
     * still give the same identifiers). Random generators are left alone.
     */
    public synchronized void reseed(long salt) {
        if (seed != null) {
            random = new Random(seed * 0x9E3779B97F4A7C15L + salt);
        }
    }

    /** {@code n} decimal digits. */
    public synchronized String digits(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    /** {@code n} lower-case letters and digits. */
    public synchronized String alphanumeric(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(ALNUM[random.nextInt(ALNUM.length)]);
        }
        return b.toString();
    }

    /** A version-4 UUID drawn from this generator. */
    public synchronized UUID uuid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    public synchronized byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
