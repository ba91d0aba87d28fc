package dev.soracommock.beam;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Beam's request signature (signature version 20151001): the hexadecimal SHA-256 of the pre-shared key followed by
 * {@code name=value} of each identity header Beam added, in the order imei, imsi, msisdn, sim-id, timestamp, with
 * no separator. A receiver recomputes it from the {@code x-soracom-*} headers it got.
 */
public final class BeamSignature {

    public static final String VERSION = "20151001";

    /** The identity headers that take part in the signature, in the order they are signed. */
    static final List<String> SIGNED = List.of("x-soracom-imei", "x-soracom-imsi", "x-soracom-msisdn",
            "x-soracom-sim-id", "x-soracom-timestamp");

    private BeamSignature() {
    }

    /** The signature of the headers among {@link #SIGNED} present in {@code headers} (lower-case names). */
    public static String sign(String preSharedKey, Map<String, String> headers) {
        StringBuilder signed = new StringBuilder(preSharedKey);
        for (String name : SIGNED) {
            String value = headers.get(name);
            if (value != null) {
                signed.append(name).append('=').append(value);
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(signed.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
