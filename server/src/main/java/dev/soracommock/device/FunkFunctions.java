package dev.soracommock.device;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.soracommock.clock.MockClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Funk's HTTP functions called for real: a {@code SoracomFunk} destination whose provider runs functions behind an
 * HTTP trigger (Azure {@code function-app}, Google {@code cloud-functions}) is POSTed the message, with
 * {@code User-Agent: SORACOM Funk} and a signed JWT in {@code x-soracom-token} as Funk sends them; the device gets the
 * function's answer. AWS Lambda destinations are not HTTP and stay recorded only.
 *
 * <p>[UNKNOWN] choices: the token is RS256-signed by a key the emulator makes per process, whose public half is served
 * at {@code GET /_mock/funk/jwks} so a function under test can verify it; its claims are the emulator's
 * ({@code iss} {@value #ISSUER}, {@code sub} the SIM's SRN, {@code operatorId}, {@code imsi}, {@code simId},
 * {@code imei}, {@code sourceProtocol}, valid 5 minutes); an Azure function's key, when the configuration names
 * credentials holding a {@code key} or {@code token}, goes in {@code x-functions-key}.
 */
@Component
class FunkFunctions {

    static final String ISSUER = "https://soracom-mock/funk";
    static final Set<String> HTTP_SERVICES = Set.of("function-app", "cloud-functions");
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration TOKEN_LIFE = Duration.ofMinutes(5);

    /** A function's answer, or why it could not be called ({@code error} set, status 0). */
    record Call(String url, int status, String contentType, byte[] body, String error) {
    }

    private final MockClock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile RSAKey key;

    FunkFunctions(MockClock clock) {
        this.clock = clock;
    }

    /** Whether the destination is an HTTP function this class calls. */
    static boolean isHttpFunction(JsonNode destination) {
        return destination != null && destination.isObject()
                && HTTP_SERVICES.contains(destination.path("service").asString("").toLowerCase(Locale.ROOT));
    }

    /** POSTs the message to {@code destination.resourceUrl}. */
    Call invoke(DeviceMessage message, JsonNode destination, String contentType, Optional<String> functionKey) {
        String url = destination.path("resourceUrl").asString("");
        if (!(url.startsWith("http://") || url.startsWith("https://"))) {
            return new Call(url, 0, null, new byte[0], "the destination's resourceUrl '" + url + "' is not an http(s) URL");
        }
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(message.body()))
                    .header("user-agent", "SORACOM Funk")
                    .header("content-type", contentType)
                    .header("x-soracom-token", token(message));
            functionKey.ifPresent(k -> request.header("x-functions-key", k));
        } catch (IllegalArgumentException e) {
            return new Call(url, 0, null, new byte[0], "the function could not be called: " + e.getMessage());
        }
        try {
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Call(url, answer.statusCode(), answer.headers().firstValue("content-type").orElse(null),
                    answer.body(), null);
        } catch (IOException e) {
            return new Call(url, 0, null, new byte[0], "the function did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Call(url, 0, null, new byte[0], "interrupted while waiting for the function");
        }
    }

    /** The public keys that verify {@code x-soracom-token}, as a JWK set. */
    Map<String, Object> jwks() {
        return new JWKSet(key().toPublicJWK()).toJSONObject(true);
    }

    String token(DeviceMessage message) {
        RSAKey k = key();
        long now = clock.nowMillis();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("srn:soracom:" + message.operatorId() + ":jp:Subscriber:" + message.imsi())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(new Date(now))
                .expirationTime(new Date(now + TOKEN_LIFE.toMillis()))
                .claim("operatorId", message.operatorId())
                .claim("imsi", message.imsi())
                .claim("simId", message.simId())
                .claim("imei", message.imei())
                .claim("sourceProtocol", "http")
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(k.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(k));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing Funk's token failed", e);
        }
        return jwt.serialize();
    }

    /** Made on first use (a 2048-bit RSA key takes a moment: no start-up cost for who never uses Funk). */
    private RSAKey key() {
        RSAKey k = key;
        if (k == null) {
            synchronized (this) {
                k = key;
                if (k == null) {
                    try {
                        k = new RSAKeyGenerator(2048).keyID("funk-" + UUID.randomUUID()).generate();
                    } catch (JOSEException e) {
                        throw new IllegalStateException("making Funk's signing key failed", e);
                    }
                    key = k;
                }
            }
        }
        return k;
    }
}
