package dev.soracommock.subscriber;

import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Downlink to a device the test runs: each SIM may have the HTTP base URL of its simulated device
 * ({@code PUT /_mock/sims/{sim_id}/device}); the downlink operations and SMS reach it there for real, with the JDK
 * {@link HttpClient} and short timeouts, and never hold a database transaction while they wait.
 * <ul>
 *   <li>HTTP: the request (method, path, headers, body) to {@code {base}{path}}; the device's answer is the result.</li>
 *   <li>TCP: the payload's bytes POSTed to {@code {base}/downlink/tcp/{port}}; the device's answer body is the data
 *   read back. UDP: likewise to {@code {base}/downlink/udp/{port}}, nothing read back.</li>
 *   <li>Ping: {@code GET {base}/downlink/ping} once per echo request; a 2xx is a reply.</li>
 *   <li>SMS: {@code POST {base}/sms} with the message as JSON, after it is kept (best effort).</li>
 * </ul>
 */
@Service
public class DownlinkService {

    private static final Logger LOG = LoggerFactory.getLogger(DownlinkService.class);

    /** How long to wait for a device to accept a connection, and at most for its answer. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration MAX_ANSWER_TIMEOUT = Duration.ofSeconds(10);

    /** Headers the JDK client sets itself (and refuses from a caller). */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "http2-settings");

    private final SimService sims;
    private final DeviceEndpointStore endpoints;
    private final MockClock clock;
    private final JsonMapper json;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();

    DownlinkService(SimService sims, DeviceEndpointStore endpoints, MockClock clock, JsonMapper json) {
        this.sims = sims;
        this.endpoints = endpoints;
        this.clock = clock;
        this.json = json;
    }

    // --- registration (control API: the SIM ID alone names the SIM) ---

    record Registration(String simId, String baseUrl, long registeredAt) {
    }

    @Transactional
    Registration register(String simId, String baseUrl) {
        SimService.DeviceSim sim = sims.deviceSim(simId);
        String base = checkedBase(baseUrl);
        long now = clock.nowMillis();
        endpoints.put(sim.operatorId(), sim.simId(), base, now);
        return new Registration(sim.simId(), base, now);
    }

    @Transactional // not read-only: SimService.deviceSim carries out a due expiry, which writes
    Registration registration(String simId) {
        SimService.DeviceSim sim = sims.deviceSim(simId);
        return endpoints.find(sim.operatorId(), sim.simId())
                .map(e -> new Registration(e.simId(), e.baseUrl(), e.registeredAt()))
                .orElseThrow(() -> new ApiException(ErrorCode.NO_DEVICE_REGISTERED, simId));
    }

    @Transactional
    void unregister(String simId) {
        SimService.DeviceSim sim = sims.deviceSim(simId);
        if (!endpoints.delete(sim.operatorId(), sim.simId())) {
            throw new ApiException(ErrorCode.NO_DEVICE_REGISTERED, simId);
        }
    }

    private static String checkedBase(String baseUrl) {
        URI uri;
        try {
            uri = baseUrl == null ? null : new URI(baseUrl.trim());
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null || uri.getQuery() != null
                || uri.getFragment() != null
                || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw new ApiException(ErrorCode.INVALID_DEVICE_URL, baseUrl);
        }
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    // --- downlink (the caller's SIMs) ---

    /** What the device answered an HTTP downlink. */
    record HttpAnswer(int status, Map<String, String> headers, String body, boolean base64) {
    }

    /** The SIM, which must be online, and its device's base URL (null when none is registered). */
    private record Target(SimService.DeviceSim sim, String base) {
    }

    private Target target(String operatorId, String simId) {
        SimService.DeviceSim sim = sims.ownedSim(operatorId, simId);
        if (!sim.online()) {
            throw new ApiException(ErrorCode.SIM_OFFLINE, simId);
        }
        String base = endpoints.find(operatorId, sim.simId()).map(DeviceEndpointStore.Endpoint::baseUrl).orElse(null);
        return new Target(sim, base);
    }

    HttpAnswer http(String operatorId, String simId, String method, String path, Map<String, String> headers,
            String body) {
        Target t = target(operatorId, simId);
        if (t.base() == null) {
            throw new ApiException(ErrorCode.DEVICE_UNREACHABLE, simId, "no device is registered for it");
        }
        String p = path == null || path.isEmpty() ? "/" : path.startsWith("/") ? path : "/" + path;
        String m = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        HttpRequest.Builder b = request(simId, t.base() + p, MAX_ANSWER_TIMEOUT);
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null && v != null && !RESTRICTED.contains(k.toLowerCase(Locale.ROOT))) {
                    b.header(k, v);
                }
            });
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        b.method(m, publisher);
        HttpResponse<byte[]> r = send(simId, b.build());
        Map<String, String> out = new LinkedHashMap<>();
        r.headers().map().forEach((k, v) -> {
            if (!k.startsWith(":") && !v.isEmpty()) {
                out.put(k, String.join(", ", v));
            }
        });
        String text = utf8(r.body());
        return text != null ? new HttpAnswer(r.statusCode(), out, text, false)
                : new HttpAnswer(r.statusCode(), out, Base64.getEncoder().encodeToString(r.body()), true);
    }

    /** The data the device answered, in the payload's encoding. */
    String tcp(String operatorId, String simId, int port, String payload, String encoding, Integer timeoutSeconds) {
        byte[] bytes = decode(payload, encoding);
        Target t = target(operatorId, simId);
        if (t.base() == null) {
            throw new ApiException(ErrorCode.DEVICE_UNREACHABLE, simId, "no device is registered for it");
        }
        Duration timeout = timeoutSeconds == null || timeoutSeconds <= 0 ? MAX_ANSWER_TIMEOUT
                : Duration.ofSeconds(Math.min(timeoutSeconds, MAX_ANSWER_TIMEOUT.toSeconds()));
        HttpResponse<byte[]> r = send(simId, request(simId, t.base() + "/downlink/tcp/" + port, timeout)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
        if (r.statusCode() / 100 != 2) {
            throw new ApiException(ErrorCode.DEVICE_UNREACHABLE, simId, "the device answered " + r.statusCode());
        }
        return encode(r.body(), encoding);
    }

    void udp(String operatorId, String simId, int port, String payload, String encoding) {
        byte[] bytes = decode(payload, encoding);
        Target t = target(operatorId, simId);
        if (t.base() == null) {
            throw new ApiException(ErrorCode.UDP_DEVICE_NOT_REGISTERED, simId, "no device is registered for it");
        }
        try {
            client.send(request(simId, t.base() + "/downlink/udp/" + port, MAX_ANSWER_TIMEOUT)
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            LOG.debug("UDP downlink to SIM {} not delivered: {}", simId, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The outcome of a ping: replies, round-trip times in ms. */
    record PingResult(int sent, List<Double> rtts) {
    }

    PingResult ping(String operatorId, String simId, int count, int timeoutSeconds) {
        SimService.DeviceSim sim = sims.ownedSim(operatorId, simId);
        String base = sim.online()
                ? endpoints.find(operatorId, sim.simId()).map(DeviceEndpointStore.Endpoint::baseUrl).orElse(null) : null;
        List<Double> rtts = new ArrayList<>();
        Duration timeout = Duration.ofSeconds(Math.max(1, Math.min(timeoutSeconds, MAX_ANSWER_TIMEOUT.toSeconds())));
        for (int i = 0; i < count && base != null; i++) {
            long start = System.nanoTime(); // a duration, not an API time: the mock clock does not apply
            try {
                HttpResponse<Void> r = client.send(request(simId, base + "/downlink/ping", timeout).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 == 2) {
                    rtts.add((System.nanoTime() - start) / 1_000_000.0);
                }
            } catch (IOException e) {
                LOG.debug("ping of SIM {} lost: {}", simId, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new PingResult(count, rtts);
    }

    /** Hands a kept SMS, found by its ID, to its SIM's device (SMS sent to a subscriber by IMSI or MSISDN). */
    void deliverSms(String operatorId, String messageId) {
        sims.keptSms(operatorId, messageId).ifPresent(m -> deliverSms(operatorId, m.simId(), m.messageId(),
                m.encodingType(), m.payload()));
    }

    /** Hands an SMS (already kept) to the SIM's device, if it has one; a device that does not answer loses it. */
    void deliverSms(String operatorId, String simId, String messageId, Integer encodingType, String payload) {
        SimService.DeviceSim sim = sims.ownedSim(operatorId, simId);
        String base = endpoints.find(operatorId, sim.simId()).map(DeviceEndpointStore.Endpoint::baseUrl).orElse(null);
        if (base == null) {
            return;
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("messageId", messageId);
        message.put("simId", sim.simId());
        message.put("imsi", sim.imsi());
        message.put("encodingType", encodingType == null ? 2 : encodingType);
        message.put("payload", payload == null ? "" : payload);
        try {
            client.send(request(simId, base + "/sms", MAX_ANSWER_TIMEOUT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(message), StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            LOG.info("SMS {} to SIM {} not delivered to its device at {}: {}", messageId, simId, base, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- helpers ---

    private static HttpRequest.Builder request(String simId, String url, Duration timeout) {
        try {
            return HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "not a valid path: path");
        }
    }

    private HttpResponse<byte[]> send(String simId, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ApiException(ErrorCode.DEVICE_UNREACHABLE, simId,
                    e instanceof java.net.http.HttpTimeoutException ? "timed out" : "connection failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.DEVICE_UNREACHABLE, simId, "interrupted");
        }
    }

    private static byte[] decode(String payload, String encoding) {
        String p = payload == null ? "" : payload;
        try {
            return switch (encoding == null ? "string" : encoding) {
                case "base64" -> Base64.getDecoder().decode(p);
                case "hex" -> HexFormat.of().parseHex(p);
                default -> p.getBytes(StandardCharsets.UTF_8);
            };
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "not " + encoding + ": payload");
        }
    }

    private static String encode(byte[] data, String encoding) {
        return switch (encoding == null ? "string" : encoding) {
            case "base64" -> Base64.getEncoder().encodeToString(data);
            case "hex" -> HexFormat.of().formatHex(data);
            default -> new String(data, StandardCharsets.UTF_8);
        };
    }

    /** The bytes as text when they are valid UTF-8, else null. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
