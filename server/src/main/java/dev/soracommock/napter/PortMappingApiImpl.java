package dev.soracommock.napter;

import dev.soracommock.api.soracom.PortMappingApiDelegate;
import dev.soracommock.api.soracom.model.CreatePortMappingRequestDto;
import dev.soracommock.api.soracom.model.CreatePortMappingRequestForSimDto;
import dev.soracommock.api.soracom.model.PortMappingDestinationDto;
import dev.soracommock.api.soracom.model.PortMappingDto;
import dev.soracommock.api.soracom.model.PortMappingSourceDto;
import dev.soracommock.coverage.Limitation;
import dev.soracommock.kernel.CurrentCaller;
import dev.soracommock.kernel.Paging;
import dev.soracommock.kernel.Paging.PageRequest;
import dev.soracommock.napter.PortMappingStore.Mapping;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Napter port mappings (tag PortMapping). */
@Component
class PortMappingApiImpl implements PortMappingApiDelegate {

    /** The most mappings one page of the list holds (the contract sets no maximum). */
    static final int MAX_LIMIT = 1000;

    /** Where the emulator says its mappings are [UNKNOWN: the real values]. */
    static final String PLACEMENT = "ap-northeast-1";

    private static final String CREATE = "The public address is fake but stable: an address of 203.0.113.0/24"
            + " (TEST-NET-3) and a port from 10000, unique across operators; hostname p-<address with dashes>-<port>"
            + ".napter.soracom.io, endpoint <address>:<port>, placement ap-northeast-1 [UNKNOWN: the real hostname,"
            + " endpoint and placement forms]. duration is a whole number of seconds from 1 to 28800 (8 h), 3600 when"
            + " absent [UNKNOWN: the real default]; destination.port 1–65535; source.ipRanges IPv4 addresses or CIDR"
            + " blocks, the caller's address /32 when absent [UNKNOWN]. The SIM must be the operator's (404 SEM0001 /"
            + " SEM0002); it need not be active or online [UNKNOWN]. destinationChoosingStrategy: IMSI_PRIORITIZED for"
            + " an imsi (the answer's imsi), else AIR_PRIORITIZED / ARC_PRIORITIZED for service air / arc, DYNAMIC"
            + " without one; service is not echoed. Nothing listens at the address: a connection is simulated with"
            + " POST /_mock/port-mappings/{ip_address}/{port}/connections.";

    private static final String EXPIRY = "A mapping whose expiredTime the emulator's clock has passed is no longer"
            + " answered (lists, deletion: 404) and the Napter audit log shows it EXPIRED [UNKNOWN: whether the real API"
            + " lists expired mappings with expired: true for a while]; expired is therefore false in every list.";

    private final NapterService napter;
    private final CurrentCaller caller;
    private final HttpServletRequest request;

    PortMappingApiImpl(NapterService napter, CurrentCaller caller, HttpServletRequest request) {
        this.napter = napter;
        this.caller = caller;
        this.request = request;
    }

    @Override
    @Limitation(CREATE)
    public ResponseEntity<PortMappingDto> createPortMapping(CreatePortMappingRequestDto body) {
        PortMappingDestinationDto d = body.getDestination();
        Mapping m = napter.create(caller.operatorId(), new NapterService.Request(d.getSimId(), d.getImsi(),
                d.getService() == null ? null : d.getService().getValue(), d.getPort(), body.getDuration(),
                body.getTlsRequired(), body.getSource() == null ? null : body.getSource().getIpRanges()),
                request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(dto(m));
    }

    @Override
    @Limitation(CREATE)
    public ResponseEntity<PortMappingDto> createPortMappingForSim(String simId, CreatePortMappingRequestForSimDto body) {
        var d = body.getDestination();
        Mapping m = napter.create(caller.operatorId(), new NapterService.Request(simId, null,
                d.getService() == null ? null : d.getService().getValue(), d.getPort(), body.getDuration(),
                body.getTlsRequired(), body.getSource() == null ? null : body.getSource().getIpRanges()),
                request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(dto(m));
    }

    @Override
    @Limitation(EXPIRY + " Another operator's mapping is 404 MCK1001 as an unknown one.")
    public ResponseEntity<Void> deletePortMapping(String ipAddress, String port) {
        napter.delete(caller.operatorId(), ipAddress, port);
        return ResponseEntity.noContent().build();
    }

    @Override
    @Limitation(EXPIRY + " Oldest first; without a limit every mapping is answered, a page holds at most 1000.")
    public ResponseEntity<List<PortMappingDto>> listPortMappings(Integer limit, String lastEvaluatedKey) {
        PageRequest page = PageRequest.of(limit, lastEvaluatedKey, MAX_LIMIT);
        return Paging.ok(napter.list(caller.operatorId(), page), this::dto, page);
    }

    @Override
    @Limitation(EXPIRY + " 404 SEM0002 for a SIM the operator does not have, 404 MCK1002 when it has no live mapping"
            + " [UNKNOWN: the real error body].")
    public ResponseEntity<List<PortMappingDto>> listPortMappingsForSim(String simId) {
        return ResponseEntity.ok(napter.listForSim(caller.operatorId(), simId).stream().map(this::dto).toList());
    }

    @Override
    @Limitation(EXPIRY + " The mappings of the SIM that has the IMSI, whichever way they were created; 404 SEM0001"
            + " for an IMSI the operator does not have, 404 MCK1002 when there is no live mapping [UNKNOWN: the real"
            + " error body].")
    public ResponseEntity<List<PortMappingDto>> listPortMappingsForSubscriber(String imsi) {
        return ResponseEntity.ok(napter.listForSubscriber(caller.operatorId(), imsi).stream().map(this::dto).toList());
    }

    private PortMappingDto dto(Mapping m) {
        boolean byImsi = NapterService.IMSI_PRIORITIZED.equals(m.strategy());
        PortMappingDestinationDto destination = new PortMappingDestinationDto()
                .port(BigDecimal.valueOf(m.destinationPort()))
                .destinationChoosingStrategy(PortMappingDestinationDto.DestinationChoosingStrategyEnum.fromValue(m.strategy()));
        if (byImsi) {
            destination.imsi(m.imsi());
        } else {
            destination.simId(m.simId());
        }
        return new PortMappingDto().operatorId(m.operatorId()).imsi(byImsi ? m.imsi() : null).simId(m.simId())
                .ipAddress(m.ipAddress()).port(BigDecimal.valueOf(m.port()))
                .hostname("p-" + m.ipAddress().replace('.', '-') + "-" + m.port() + ".napter.soracom.io")
                .endpoint(m.ipAddress() + ":" + m.port())
                .createdTime(m.createdAt()).expiredTime(m.expiresAt())
                .duration(BigDecimal.valueOf(m.durationSeconds())).expired(napter.expired(m))
                .placement(PLACEMENT).tlsRequired(m.tlsRequired())
                .source(new PortMappingSourceDto().ipRanges(napter.ipRanges(m))).destination(destination);
    }
}
