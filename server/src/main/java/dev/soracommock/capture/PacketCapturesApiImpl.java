package dev.soracommock.capture;

import dev.soracommock.api.mock.PacketCapturesApiDelegate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** {@code GET /_mock/packet-captures/{session_id}.pcap}: the capture file behind a DONE session's URL. */
@Component
class PacketCapturesApiImpl implements PacketCapturesApiDelegate {

    static final MediaType PCAP = new MediaType("application", "vnd.tcpdump.pcap");

    private final PacketCaptureService captures;

    PacketCapturesApiImpl(PacketCaptureService captures) {
        this.captures = captures;
    }

    @Override
    public ResponseEntity<Resource> downloadPacketCapture(String sessionId) {
        return ResponseEntity.ok().contentType(PCAP).body(new ByteArrayResource(captures.file(sessionId)));
    }
}
