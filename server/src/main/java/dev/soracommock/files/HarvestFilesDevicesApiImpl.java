package dev.soracommock.files;

import dev.soracommock.api.mock.HarvestFilesDevicesApiDelegate;
import dev.soracommock.clock.MockClock;
import dev.soracommock.group.GroupService;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.subscriber.SimService;
import java.io.IOException;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The device side of Harvest Files (control API, no credentials: the SIM ID names the SIM): {@code PUT
 * /_mock/sims/{sim_id}/harvest-files/{path}} is what the SIM's device sends to {@code harvest-files.soracom.io};
 * {@code GET /_mock/file-downloads/{id}} is where getFile redirects.
 */
@Component
class HarvestFilesDevicesApiImpl implements HarvestFilesDevicesApiDelegate {

    /** The group configuration namespace of Harvest Files, and its switch. */
    static final String NAMESPACE = "SoracomHarvestFiles";

    private final HarvestFiles files;
    private final SimService sims;
    private final GroupService groups;
    private final MockClock clock;

    HarvestFilesDevicesApiImpl(HarvestFiles files, SimService sims, GroupService groups, MockClock clock) {
        this.files = files;
        this.sims = sims;
        this.groups = groups;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<Void> uploadHarvestFile(String simId, String path, Resource body, String contentType) {
        SimService.DeviceSim sim = sims.deviceSim(simId);
        if (!"active".equals(sim.status())) {
            throw new ApiException(ErrorCode.SIM_NOT_ACTIVE, simId);
        }
        if (!sim.online()) {
            throw new ApiException(ErrorCode.SIM_OFFLINE, simId);
        }
        boolean enabled = sim.groupId() != null && groups.find(sim.operatorId(), sim.groupId())
                .map(g -> {
                    JsonNode ns = g.configuration().path(NAMESPACE);
                    JsonNode on = ns.path("enabled");
                    return on.isBoolean() ? on.asBoolean() : "true".equals(on.asString(""));
                }).orElse(false);
        if (!enabled) {
            throw new ApiException(ErrorCode.HARVEST_FILES_DISABLED, simId);
        }
        String target = (path == null || path.isBlank() || path.equals("/") ? "/:imsi/:time" : path)
                .replace(":imsi", sim.imsi()).replace(":time", Long.toString(clock.nowMillis()));
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.getContentAsByteArray();
        } catch (IOException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "unreadable body: body");
        }
        boolean created = files.put(sim.operatorId(), HarvestFiles.PRIVATE, target, bytes, contentType);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).build();
    }

    @Override
    public ResponseEntity<Object> downloadHarvestFile(String downloadId) {
        HarvestFiles.Content c = files.download(downloadId);
        MediaType type;
        try {
            type = MediaType.parseMediaType(c.contentType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.ETAG, "\"" + c.etag() + "\"")
                .body(new ByteArrayResource(c.bytes()));
    }
}
