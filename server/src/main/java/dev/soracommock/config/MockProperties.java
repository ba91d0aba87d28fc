package dev.soracommock.config;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The emulator's settings, prefix {@code soracom-mock}; every one can be set by an environment variable
 * ({@code SORACOM_MOCK_STRICT}, {@code SORACOM_MOCK_DEFAULT_OPERATOR_EMAIL}, …). README lists them all. Two that
 * decide where state lives are read from the environment outside this record: {@code soracom-mock.data-dir}
 * ({@link StorageSettings}) and {@code soracom-mock.shared-state} ({@link SharedState}).
 *
 * @param strict          answer 501 for operations without a stateful implementation instead of a fallback body
 * @param validation      validate every request against its contract
 * @param maxBodyBytes    larger request bodies are refused with 413
 * @param seed            seed for generated identifiers (IMSI, operator IDs, …); unset means random
 * @param defaultOperator the operator that exists from start-up
 * @param sandbox         sandbox sign-up settings
 * @param rateLimit       rate limits
 * @param esim            the eSIM Commerce sandbox
 * @param journal         the request journal ({@code GET /_mock/requests})
 * @param seedDir         a directory of state documents ({@code *.json}, as {@code GET /_mock/state} writes them)
 *                        loaded at start-up, in file-name order, when the emulator holds no state yet (last, so that
 *                        code constructing the settings positionally keeps compiling)
 * @param jsonNulls       what answers do with unset properties: {@code omit} them (default; {@code null} only where
 *                        the contract requires a nullable property) or {@code emit} {@code null} for every one, as
 *                        the real backend's raw JSON does (contract/NullPolicy)
 * @param soralet         how soralets (SORACOM Orbit) are run
 * @param answerCache     answer repeated cacheable reads from memory while the state is unchanged (pipeline/AnswerCache;
 *                        off anyway when instances share the database)
 */
@ConfigurationProperties("soracom-mock")
public record MockProperties(
        @DefaultValue("false") boolean strict,
        @DefaultValue("true") boolean validation,
        @DefaultValue("10485760") long maxBodyBytes,
        Long seed,
        @DefaultValue DefaultOperator defaultOperator,
        @DefaultValue Sandbox sandbox,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Esim esim,
        @DefaultValue Journal journal,
        String seedDir,
        @DefaultValue("omit") JsonNulls jsonNulls,
        @DefaultValue Soralet soralet,
        @DefaultValue("true") boolean answerCache) {

    /** The values of {@code soracom-mock.json-nulls} ({@code SORACOM_MOCK_JSON_NULLS}). */
    public enum JsonNulls { OMIT, EMIT }

    /**
     * @param size how many requests the journal keeps (the oldest are dropped); 0 turns it off
     */
    public record Journal(@DefaultValue("1000") int size) {
    }

    /**
     * @param enabled   create the default operator at start-up
     * @param operatorId its operator ID
     * @param email     its e-mail (login with email+password)
     * @param password  its password
     * @param authKeyId its auth key ID (login with authKeyId+authKey)
     * @param authKey   its auth key secret
     */
    public record DefaultOperator(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("OP0000000000") String operatorId,
            @DefaultValue("operator@soracom-mock.test") String email,
            @DefaultValue("soracom-mock-password") String password,
            @DefaultValue("keyId-soracommockdefaultoperatorkey0000") String authKeyId,
            @DefaultValue("secret-soracommockdefaultoperatorsecret00000000000000000000000000000") String authKey) {
    }

    /**
     * @param allowedAuthKeyIds production auth key IDs accepted by {@code /sandbox/init}; empty accepts any
     *                          non-empty pair, as a user without real credentials needs
     */
    public record Sandbox(@DefaultValue List<String> allowedAuthKeyIds) {
    }

    /**
     * @param enabled       count requests and answer 429 past the limits
     * @param perMinute     requests per minute per operator and API (operationId)
     * @param authPerMinute requests per minute per caller IP for the operations the real API limits by IP
     * @param operations    per-operationId overrides of {@code perMinute}
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("6000") int perMinute,
            @DefaultValue("600") int authPerMinute,
            @DefaultValue Map<String, Integer> operations) {
    }

    /**
     * @param rateLimitEnabled count eSIM Commerce requests per API key and operation, answer 429 past the limits
     * @param rateLimits       per-operationId limits per minute, over the defaults of esim-commerce.md (orderEsims 10,
     *                         getEsim 60, getTransaction 10, emergencyControl 10, setDataUsage 60); an operation with
     *                         no limit is not counted
     */
    public record Esim(
            @DefaultValue("true") boolean rateLimitEnabled,
            @DefaultValue Map<String, Integer> rateLimits) {
    }

    /**
     * Soralet executions ({@code SORACOM_MOCK_SORALET_*}). Orbit's own limits are 1 s per call and 16 MiB of memory;
     * the emulator interprets WebAssembly in Java, slower than Orbit's runtime, hence a longer default time.
     *
     * @param timeout     a run that takes longer is stopped and reported as a failed execution
     * @param memory      the most linear memory a module may have (whole 64 KiB pages); growing past it fails, a
     *                    module that declares more at start is refused
     * @param concurrency how many soralets run at once; calls past that (and a short queue) are answered SLM1017
     */
    public record Soralet(
            @DefaultValue("2s") java.time.Duration timeout,
            @DefaultValue("16MB") org.springframework.util.unit.DataSize memory,
            @DefaultValue("2") int concurrency) {
    }
}
