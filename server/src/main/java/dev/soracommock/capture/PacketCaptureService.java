package dev.soracommock.capture;

import dev.soracommock.api.soracom.model.PacketCaptureSessionDto;
import dev.soracommock.api.soracom.model.PacketCaptureSessionDto.StatusEnum;
import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.Identifiers;
import dev.soracommock.kernel.Paging.Page;
import dev.soracommock.kernel.Paging.PageRequest;
import dev.soracommock.subscriber.PacketCaptures;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Packet capture sessions of SIMs ({@link PacketCaptures}, called by the Sim delegate once it has checked the SIM is
 * the caller's) and their capture files. The status follows the emulator's clock: CAPTURING from creation until the
 * duration has passed (or the session is stopped), DONE from then on, with the URL of an empty capture file.
 */
@Service
public class PacketCaptureService implements PacketCaptures {

    /**
     * An empty capture file: the 24-byte pcap global header (little-endian magic {@code a1b2c3d4}, version 2.4, no
     * time zone offset, snapshot length 65535, link type 101 = raw IP, what a capture of a SIM's IP traffic has) and
     * no packet.
     */
    static final byte[] EMPTY_PCAP = {
            (byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, // magic number
            2, 0, 4, 0,                                         // version 2.4
            0, 0, 0, 0,                                         // this zone
            0, 0, 0, 0,                                         // significant figures
            (byte) 0xff, (byte) 0xff, 0, 0,                     // snapshot length 65535
            101, 0, 0, 0};                                      // LINKTYPE_RAW

    private final CaptureSessionStore sessions;
    private final Identifiers ids;
    private final MockClock clock;

    PacketCaptureService(CaptureSessionStore sessions, Identifiers ids, MockClock clock) {
        this.sessions = sessions;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    @Transactional
    public PacketCaptureSessionDto create(String operatorId, String simId, int durationSeconds, String prefix) {
        long now = clock.nowMillis();
        List<CaptureSession> running = sessions.capturing(operatorId, simId, now);
        if (!running.isEmpty()) {
            throw new ApiException(ErrorCode.CAPTURE_ALREADY_RUNNING, simId, running.get(0).sessionId());
        }
        CaptureSession s = sessions.save(new CaptureSession(ids.uuid().toString(), operatorId, simId,
                prefix == null ? "" : prefix, durationSeconds, now));
        // the answer to the request is the session as accepted; it is capturing from then on
        return common(s).status(StatusEnum.ACCEPTED);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<PacketCaptureSessionDto> list(String operatorId, String simId, PageRequest page) {
        long afterId = 0;
        if (page.after() != null) {
            CaptureSession anchor = sessions.findByOperatorIdAndSimIdAndSessionId(operatorId, simId, page.after())
                    .orElse(null);
            if (anchor == null) {
                return new Page<>(List.of(), null);
            }
            afterId = anchor.id();
        }
        List<CaptureSession> fetched = sessions.page(operatorId, simId, afterId, page.fetchSize());
        Page<CaptureSession> p = Page.of(fetched, page, CaptureSession::sessionId);
        long now = clock.nowMillis();
        return new Page<>(p.items().stream().map(s -> view(s, now)).toList(), p.nextKey());
    }

    @Override
    @Transactional(readOnly = true)
    public PacketCaptureSessionDto get(String operatorId, String simId, String sessionId) {
        return view(load(operatorId, simId, sessionId), clock.nowMillis());
    }

    @Override
    @Transactional
    public PacketCaptureSessionDto stop(String operatorId, String simId, String sessionId) {
        CaptureSession s = load(operatorId, simId, sessionId);
        long now = clock.nowMillis();
        if (!s.capturing(now)) {
            throw new ApiException(ErrorCode.CAPTURE_NOT_CAPTURING, sessionId, StatusEnum.DONE.getValue());
        }
        s.stop(now);
        sessions.save(s);
        // the answer shows the capture being turned into its file; it is DONE from then on
        return common(s).status(StatusEnum.POST_PROCESSING).startedTime(time(s.createdAt())).endedTime(time(now));
    }

    @Override
    @Transactional
    public PacketCaptureSessionDto delete(String operatorId, String simId, String sessionId) {
        CaptureSession s = load(operatorId, simId, sessionId);
        long now = clock.nowMillis();
        if (s.capturing(now)) {
            throw new ApiException(ErrorCode.CAPTURE_STILL_CAPTURING, sessionId);
        }
        PacketCaptureSessionDto view = view(s, now);
        sessions.delete(s);
        return view;
    }

    /** The capture file of a DONE session, named by the session ID alone (its URL); 404 MCK0907 otherwise. */
    @Transactional(readOnly = true)
    public byte[] file(String sessionId) {
        return sessions.findBySessionId(sessionId).filter(s -> !s.capturing(clock.nowMillis()))
                .map(s -> EMPTY_PCAP.clone())
                .orElseThrow(() -> new ApiException(ErrorCode.CAPTURE_FILE_NOT_FOUND, sessionId));
    }

    private CaptureSession load(String operatorId, String simId, String sessionId) {
        return sessions.findByOperatorIdAndSimIdAndSessionId(operatorId, simId, sessionId)
                .orElseThrow(() -> new ApiException(ErrorCode.CAPTURE_SESSION_NOT_FOUND, sessionId, simId));
    }

    private PacketCaptureSessionDto view(CaptureSession s, long now) {
        PacketCaptureSessionDto dto = common(s).startedTime(time(s.createdAt()));
        if (s.capturing(now)) {
            return dto.status(StatusEnum.CAPTURING);
        }
        return dto.status(StatusEnum.DONE).endedTime(time(s.endsAt())).url(fileUrl(s.sessionId()));
    }

    private static PacketCaptureSessionDto common(CaptureSession s) {
        PacketCaptureSessionDto dto = new PacketCaptureSessionDto().sessionId(s.sessionId())
                .duration(s.durationSeconds()).createdTime(time(s.createdAt()));
        return s.prefix().isEmpty() ? dto : dto.prefix(s.prefix());
    }

    private static URI fileUrl(String sessionId) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/_mock/packet-captures/{id}.pcap")
                .buildAndExpand(sessionId).toUri();
    }

    private static OffsetDateTime time(long epochMillis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }
}
