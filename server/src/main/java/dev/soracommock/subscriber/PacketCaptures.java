package dev.soracommock.subscriber;

import dev.soracommock.api.soracom.model.PacketCaptureSessionDto;
import dev.soracommock.kernel.Paging.Page;
import dev.soracommock.kernel.Paging.PageRequest;

/**
 * The packet capture sessions of a SIM ({@code /sims/{sim_id}/packet_capture_sessions}), kept by the capture domain,
 * which implements this port. The Sim delegate checks that the caller has the SIM (404 SEM0002) before it calls.
 */
public interface PacketCaptures {

    /** How a session's status moves, for the coverage notes. */
    String LIFECYCLE = "a session answers ACCEPTED when created and is CAPTURING from then on (startedTime = createdTime)"
            + " until its duration has passed on the emulator's clock (POST /_mock/clock/advance), then DONE with endedTime"
            + " and a url: an empty capture file (pcap, 24-byte global header, link type raw IP) served at"
            + " GET /_mock/packet-captures/{session_id}.pcap without credentials, like a pre-signed URL. No traffic is"
            + " captured. [UNKNOWN] the real limits: the SIM may be in any status; one CAPTURING session per SIM at a"
            + " time (400 MCK0906); REQUESTED, FAILED and STOPPED are never shown; sessionId is a UUID";

    PacketCaptureSessionDto create(String operatorId, String simId, int durationSeconds, String prefix);

    Page<PacketCaptureSessionDto> list(String operatorId, String simId, PageRequest page);

    PacketCaptureSessionDto get(String operatorId, String simId, String sessionId);

    PacketCaptureSessionDto stop(String operatorId, String simId, String sessionId);

    PacketCaptureSessionDto delete(String operatorId, String simId, String sessionId);
}
