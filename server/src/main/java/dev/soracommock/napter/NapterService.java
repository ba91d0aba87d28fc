package dev.soracommock.napter;

import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.Identifiers;
import dev.soracommock.kernel.Paging.Page;
import dev.soracommock.kernel.Paging.PageRequest;
import dev.soracommock.napter.PortMappingStore.Mapping;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Napter's rules: a mapping reaches one port of one of the operator's SIMs for {@code duration} seconds (default
 * {@value #DEFAULT_DURATION_SECONDS}, at most {@value #MAX_DURATION_SECONDS}) from the sources in
 * {@code source.ipRanges}; it is given a public address and port of its own (unique across operators, from
 * 203.0.113.0/24, TEST-NET-3); once the emulator's clock passes its expiry it is no longer listed nor deletable, and
 * the audit log shows it EXPIRED.
 */
@Service
public class NapterService {

    static final long DEFAULT_DURATION_SECONDS = 3600;
    static final long MAX_DURATION_SECONDS = 8 * 3600;

    static final String IMSI_PRIORITIZED = "IMSI_PRIORITIZED";
    static final String AIR_PRIORITIZED = "AIR_PRIORITIZED";
    static final String ARC_PRIORITIZED = "ARC_PRIORITIZED";
    static final String DYNAMIC = "DYNAMIC";

    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:/(\\d{1,2}))?");

    /** What a mapping is created with, as the request said it. */
    record Request(String simId, String imsi, String service, BigDecimal port, BigDecimal duration, Boolean tlsRequired,
            List<String> ipRanges) {
    }

    /** A client's connection as the control route describes it. */
    record Connection(String sourceIp, Integer sourcePort, boolean refused, boolean close) {
    }

    private final PortMappingStore mappings;
    private final NapterAuditStore audit;
    private final NapterSims sims;
    private final MockClock clock;
    private final Identifiers ids;
    private final JsonMapper json;

    NapterService(PortMappingStore mappings, NapterAuditStore audit, NapterSims sims, MockClock clock, Identifiers ids,
            JsonMapper json) {
        this.mappings = mappings;
        this.audit = audit;
        this.sims = sims;
        this.clock = clock;
        this.ids = ids;
        this.json = json;
    }

    /** Creates a mapping; {@code callerIp} is the source allowed when the request names none. */
    @Transactional
    Mapping create(String operatorId, Request r, String callerIp) {
        int port = (int) wholeNumber(r.port(), "destination.port", 1, 65535);
        long duration = r.duration() == null ? DEFAULT_DURATION_SECONDS
                : wholeNumber(r.duration(), "duration", 1, MAX_DURATION_SECONDS);
        List<String> ranges = r.ipRanges() == null || r.ipRanges().isEmpty()
                ? List.of((callerIp == null || !CIDR.matcher(callerIp).matches() ? "0.0.0.0/0" : callerIp + "/32"))
                : r.ipRanges();
        for (String range : ranges) {
            if (range == null || parse(range) == null) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED,
                        "source.ipRanges: " + range + " is not an IPv4 address or CIDR block");
            }
        }
        NapterSims.Target sim;
        String strategy;
        if (r.imsi() != null && !r.imsi().isEmpty()) {
            sim = sims.byImsi(operatorId, r.imsi()).orElseThrow(() -> new ApiException(ErrorCode.SUBSCRIBER_NOT_FOUND));
            strategy = IMSI_PRIORITIZED;
        } else if (r.simId() != null && !r.simId().isEmpty()) {
            sim = sims.bySimId(operatorId, r.simId()).orElseThrow(() -> new ApiException(ErrorCode.SIM_NOT_FOUND));
            strategy = r.service() == null ? DYNAMIC : r.service().equals("arc") ? ARC_PRIORITIZED : AIR_PRIORITIZED;
        } else {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "destination: imsi or simId is required");
        }
        long now = clock.nowMillis();
        mappings.removeExpired(operatorId, now);
        String ip;
        int publicPort;
        do {
            byte[] b = ids.bytes(3);
            ip = "203.0.113." + (1 + (b[0] & 0xff) % 254);
            publicPort = 10000 + (((b[1] & 0xff) << 8) | (b[2] & 0xff)) % 55536;
        } while (mappings.taken(ip, publicPort));
        Mapping m = new Mapping(0, operatorId, ip, publicPort, sim.simId(), sim.imsi(), strategy, port, duration,
                Boolean.TRUE.equals(r.tlsRequired()), json.writeValueAsString(ranges), now, now + duration * 1000);
        mappings.add(m);
        audit.add(event(m, sim.ipAddress(), "CREATED", now));
        audit.add(event(m, sim.ipAddress(), "EXPIRED", m.expiresAt()));
        return m;
    }

    /** The operator's live mappings, oldest first. */
    @Transactional(readOnly = true)
    Page<Mapping> list(String operatorId, PageRequest page) {
        long after;
        try {
            after = page.after() == null ? 0 : Long.parseLong(page.after());
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.INVALID_LOG_KEY, page.after());
        }
        return Page.of(mappings.live(operatorId, clock.nowMillis(), after, page.fetchSize()), page,
                m -> Long.toString(m.id()));
    }

    /** The live mappings of the operator's SIM; 404 when there is no such SIM or it has none. */
    @Transactional(readOnly = true)
    List<Mapping> listForSim(String operatorId, String simId) {
        NapterSims.Target sim = sims.bySimId(operatorId, simId).orElseThrow(() -> new ApiException(ErrorCode.SIM_NOT_FOUND));
        return nonEmpty(mappings.liveOfSim(operatorId, sim.simId(), clock.nowMillis()), "SIM", simId);
    }

    /** The live mappings of the SIM that has this IMSI; 404 when there is no such subscriber or it has none. */
    @Transactional(readOnly = true)
    List<Mapping> listForSubscriber(String operatorId, String imsi) {
        NapterSims.Target sim = sims.byImsi(operatorId, imsi)
                .orElseThrow(() -> new ApiException(ErrorCode.SUBSCRIBER_NOT_FOUND));
        return nonEmpty(mappings.liveOfSim(operatorId, sim.simId(), clock.nowMillis()), "Subscriber", imsi);
    }

    /** Deletes the operator's live mapping at this address and port; 404 when there is none. */
    @Transactional
    void delete(String operatorId, String ipAddress, String port) {
        long now = clock.nowMillis();
        Mapping m = live(operatorId, ipAddress, port, now);
        mappings.remove(operatorId, m.id());
        audit.removePendingExpiry(operatorId, m.ipAddress(), m.port(), now);
        String simIp = sims.bySimId(operatorId, m.simId()).map(NapterSims.Target::ipAddress).orElse(null);
        audit.add(event(m, simIp, "DELETED", now));
    }

    /**
     * A client connects through the live mapping at this address and port (the control route; the address names the
     * mapping, whoever's it is): the audit log's entries for it, oldest first.
     */
    @Transactional
    List<NapterAuditStore.Entry> connect(String ipAddress, String port, Connection c) {
        long now = clock.nowMillis();
        int p = portOf(ipAddress, port);
        Mapping m = mappings.findAtAddress(ipAddress, p).filter(x -> !x.expiredAt(now))
                .orElseThrow(() -> new ApiException(ErrorCode.PORT_MAPPING_NOT_FOUND, ipAddress, port));
        if (c.sourceIp() != null && parse(c.sourceIp()) == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "sourceIpAddress: " + c.sourceIp() + " is not an IPv4 address");
        }
        String source = c.sourceIp() != null ? c.sourceIp() : defaultSource(m);
        int sourcePort = c.sourcePort() != null ? c.sourcePort() : 40000 + (int) (ids.bytes(1)[0] & 0xff) * 64;
        String simIp = sims.bySimId(m.operatorId(), m.simId()).map(NapterSims.Target::ipAddress).orElse(null);
        String connectionId = ids.uuid().toString();
        List<String> types = new ArrayList<>();
        if (!allowed(m, source)) {
            types.add("DENIED");
        } else if (c.refused()) {
            types.addAll(List.of("ACCESS", "REFUSED"));
        } else {
            types.addAll(List.of("ACCESS", "CONNECTED"));
            if (c.close()) {
                types.add("CLOSED");
            }
        }
        List<NapterAuditStore.Entry> written = new ArrayList<>();
        for (String type : types) {
            NapterAuditStore.Entry e = new NapterAuditStore.Entry(0, m.operatorId(), m.imsi(), type, connectionId,
                    m.tlsRequired(), source, sourcePort, simIp, m.destinationPort(), m.ipAddress(), m.port(), now);
            audit.add(e);
            written.add(e);
        }
        return written;
    }

    /** The operator's Napter audit log, newest first, up to now on the emulator's clock. */
    @Transactional(readOnly = true)
    Page<NapterAuditStore.Entry> auditLog(String operatorId, String imsi, Long from, Long to, PageRequest page) {
        Long afterTime = null;
        Long afterId = null;
        if (page.after() != null) {
            int sep = page.after().indexOf('_');
            try {
                afterTime = Long.parseLong(page.after().substring(0, Math.max(sep, 0)));
                afterId = Long.parseLong(page.after().substring(sep + 1));
            } catch (NumberFormatException e) {
                throw new ApiException(ErrorCode.INVALID_LOG_KEY, page.after());
            }
        }
        return Page.of(audit.page(operatorId, clock.nowMillis(), imsi, from, to, afterTime, afterId, page.fetchSize()),
                page, e -> e.createdAt() + "_" + e.id());
    }

    /** Whether {@code now} is past the mapping's expiry. */
    boolean expired(Mapping m) {
        return m.expiredAt(clock.nowMillis());
    }

    List<String> ipRanges(Mapping m) {
        List<String> out = new ArrayList<>();
        json.readTree(m.ipRanges()).forEach(n -> out.add(n.asString()));
        return out;
    }

    // --- helpers ---

    private Mapping live(String operatorId, String ipAddress, String port, long now) {
        int p = portOf(ipAddress, port);
        return mappings.find(operatorId, ipAddress, p).filter(m -> !m.expiredAt(now))
                .orElseThrow(() -> new ApiException(ErrorCode.PORT_MAPPING_NOT_FOUND, ipAddress, port));
    }

    private static int portOf(String ipAddress, String port) {
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.PORT_MAPPING_NOT_FOUND, ipAddress, port);
        }
    }

    private static List<Mapping> nonEmpty(List<Mapping> found, String kind, String id) {
        if (found.isEmpty()) {
            throw new ApiException(ErrorCode.NO_PORT_MAPPINGS, kind, id);
        }
        return found;
    }

    private static NapterAuditStore.Entry event(Mapping m, String simIp, String type, long at) {
        return new NapterAuditStore.Entry(0, m.operatorId(), m.imsi(), type, null, m.tlsRequired(), null, null, simIp,
                m.destinationPort(), m.ipAddress(), m.port(), at);
    }

    private static long wholeNumber(BigDecimal value, String field, long min, long max) {
        if (value == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, field + " is required");
        }
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() > 0 || v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED,
                    field + " must be a whole number from " + min + " to " + max + ": " + value.toPlainString());
        }
        return v.longValueExact();
    }

    /** A source the mapping lets in: the first address of its first range. */
    private String defaultSource(Mapping m) {
        List<String> ranges = ipRanges(m);
        long[] r = ranges.isEmpty() ? null : parse(ranges.get(0));
        if (r == null || r[1] == 0) {
            return "198.51.100.1";
        }
        long a = r[0];
        return ((a >> 24) & 0xff) + "." + ((a >> 16) & 0xff) + "." + ((a >> 8) & 0xff) + "." + (a & 0xff);
    }

    /** Whether the source address is in one of the mapping's ranges. */
    private boolean allowed(Mapping m, String source) {
        long[] s = parse(source);
        for (String range : ipRanges(m)) {
            long[] r = parse(range);
            if (r != null && s != null) {
                long mask = r[1] == 0 ? 0 : (0xffffffffL << (32 - r[1])) & 0xffffffffL;
                if ((s[0] & mask) == (r[0] & mask)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code a.b.c.d[/n]} as {address, prefix length}, or null when it is not one. */
    private static long[] parse(String cidr) {
        Matcher m = CIDR.matcher(cidr.trim());
        if (!m.matches()) {
            return null;
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return null;
            }
            address = (address << 8) | octet;
        }
        int prefix = m.group(5) == null ? 32 : Integer.parseInt(m.group(5));
        return prefix > 32 ? null : new long[] {address, prefix};
    }
}
