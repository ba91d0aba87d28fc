package dev.soracommock.soralet;

import dev.soracommock.api.soracom.SoraletApiDelegate;
import dev.soracommock.api.soracom.model.CreateSoraletRequestDto;
import dev.soracommock.api.soracom.model.ExecuteSoraletRequestDto;
import dev.soracommock.api.soracom.model.ExecuteSoraletResponseDto;
import dev.soracommock.api.soracom.model.SoraletDto;
import dev.soracommock.api.soracom.model.SoraletLogDto;
import dev.soracommock.api.soracom.model.SoraletVersionDto;
import dev.soracommock.coverage.Limitation;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.CachedBody;
import dev.soracommock.kernel.CurrentCaller;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.Paging;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.WebUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Soralet tag: soralets, their versions (WebAssembly modules), test runs and logs (SORACOM Orbit). */
@Component
class SoraletApiImpl implements SoraletApiDelegate {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SoraletService soralets;
    private final SoraletExecutor executor;
    private final CurrentCaller caller;

    SoraletApiImpl(SoraletService soralets, SoraletExecutor executor, CurrentCaller caller) {
        this.soralets = soralets;
        this.executor = executor;
        this.caller = caller;
    }

    @Override
    @Limitation("At most 20 soralets per operator (Orbit's documented limit); a soralet ID is 1–100 of `A-Za-z0-9_-`. "
            + "The error codes of a duplicate or invalid ID are the emulator's (SLM1002, SLM1003; the real ones are not "
            + "published). The 201 answer has no body, as the contract declares.")
    public ResponseEntity<Void> createSoralet(CreateSoraletRequestDto body) {
        soralets.create(caller.operatorId(), body == null ? null : body.getSoraletId(),
                body == null ? null : body.getDescription());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @Override
    @Limitation("`limit` is capped at 100 (a next-page key follows); without `limit` every soralet is returned.")
    public ResponseEntity<List<SoraletDto>> listSoralets(String sort, Integer limit, String lastEvaluatedKey) {
        Paging.PageRequest page = Paging.PageRequest.of(limit, lastEvaluatedKey, SoraletService.MAX_LIMIT);
        return Paging.ok(soralets.list(caller.operatorId(), !"desc".equals(sort), page), SoraletApiImpl::dto, page);
    }

    @Override
    public ResponseEntity<SoraletDto> getSoralet(String soraletId) {
        return ResponseEntity.ok(dto(soralets.get(caller.operatorId(), soraletId)));
    }

    @Override
    @Limitation("Deleting a soralet that a group's `SoracomOrbit` configuration names is allowed (the group then "
            + "names a soralet that does not exist); its versions and logs go with it.")
    public ResponseEntity<Void> deleteSoralet(String soraletId) {
        soralets.delete(caller.operatorId(), soraletId);
        return ResponseEntity.noContent().build();
    }

    @Override
    @Limitation("The module is taken with any Content-Type (soracom-cli sends `application/octet-stream`) and must "
            + "parse as WebAssembly (else 400 SLM1007). Over 4,194,304 bytes is 413 SLM1006 (code the emulator's); an "
            + "11th version is 400 SLM1010 (the real code). Versions count 1, 2, … and a deleted number is never given "
            + "again [UNKNOWN whether the real service reuses it]. `hash` is the hex SHA-256 of the module and the `srn` "
            + "always names the `jp` coverage [UNKNOWN: the real hash format].")
    public ResponseEntity<SoraletVersionDto> uploadSoraletCode(String soraletId, Resource body, String contentType) {
        byte[] code = bytes(body);
        return ResponseEntity.status(HttpStatus.CREATED).body(dto(soralets.upload(caller.operatorId(), soraletId, code)));
    }

    @Override
    @Limitation("`limit` is capped at 100 (a next-page key follows); without `limit` every version is returned.")
    public ResponseEntity<List<SoraletVersionDto>> listSoraletVersions(String soraletId, String sort, Integer limit,
            String lastEvaluatedKey) {
        Paging.PageRequest page = Paging.PageRequest.of(limit, lastEvaluatedKey, SoraletService.MAX_LIMIT);
        return Paging.ok(soralets.versions(caller.operatorId(), soraletId, "asc".equals(sort), page),
                SoraletApiImpl::dto, page);
    }

    @Override
    @Limitation("Deleting a version that a group's configuration names is allowed [UNKNOWN: whether the real service "
            + "refuses it].")
    public ResponseEntity<Void> deleteSoraletVersion(String soraletId, Integer version) {
        soralets.deleteVersion(caller.operatorId(), soraletId, version == null ? -1 : version);
        return ResponseEntity.noContent().build();
    }

    @Override
    @Limitation("One log entry per run that logged something: the `orbit_log` messages (and what the module wrote to "
            + "WASI stdout/stderr) joined by newlines, at most 65,536 bytes; a failed run adds `error: <why>`. As Orbit, "
            + "logs older than 7 days (on the emulator's clock) are not answered; they are deleted with the soralet. "
            + "`limit` is capped at 100.")
    public ResponseEntity<List<SoraletLogDto>> getSoraletLogs(String soraletId, String sort, Integer limit,
            String lastEvaluatedKey) {
        Paging.PageRequest page = Paging.PageRequest.of(limit, lastEvaluatedKey, SoraletService.MAX_LIMIT);
        return Paging.ok(soralets.logs(caller.operatorId(), soraletId, "asc".equals(sort), page), SoraletApiImpl::dto,
                page);
    }

    @Override
    @Limitation("Runs the module for real (Chicory, interpreted) with the 19 `env.orbit_*` host functions and WASI "
            + "preview 1; `_initialize` and `_start` run first when exported [UNKNOWN whether Orbit calls them]. A run "
            + "that traps, exceeds the time limit (`SORACOM_MOCK_SORALET_TIMEOUT`, default 2 s; Orbit's is 1 s) or the "
            + "memory limit (`SORACOM_MOCK_SORALET_MEMORY`, default 16 MB = 256 pages), lacks the export named by "
            + "`direction` or calls `proc_exit` with a non-zero code is answered 400 SLM1020 with the reason, and the "
            + "reason is logged [UNKNOWN: how the real service answers a failed run]. Without `orbit_set_output` the "
            + "body is empty; the content type is the module's, else the request's. A textual output (JSON, XML, "
            + "`text/*`) is answered with `encodingType` `plain`, any other as base64 with `encodingType` `base64` "
            + "[UNKNOWN]. The payload is base64 when `encodingType` is `binary`/`base64` or the content type is "
            + "`application/octet-stream`. The request's undeclared `tags`, `location` {lat, lon} and `timestamp` are "
            + "used when given; otherwise the tags are those of the SIM named by `source` and the time is now. Tags "
            + "the module sets or deletes are applied to that SIM when the run succeeds [UNKNOWN for test runs]. "
            + "Without a location, `orbit_get_location_lat`/`lon` answer NaN. The 5 calls per minute limit is not "
            + "enforced; too many runs at once are 429 SLM1017.")
    public ResponseEntity<ExecuteSoraletResponseDto> testSoralet(String soraletId, ExecuteSoraletRequestDto body) {
        String operatorId = caller.operatorId();
        String contentType = body.getContentType();
        boolean binary = body.getEncodingType() == ExecuteSoraletRequestDto.EncodingTypeEnum.BINARY
                || "application/octet-stream".equalsIgnoreCase(contentType == null ? "" : contentType.trim());
        byte[] payload;
        if (binary) {
            try {
                payload = Base64.getMimeDecoder().decode(body.getPayload());
            } catch (IllegalArgumentException e) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "payload is not base64:payload");
            }
        } else {
            payload = body.getPayload().getBytes(StandardCharsets.UTF_8);
        }
        SoraletExecutor.Source source = body.getSource() == null ? null : new SoraletExecutor.Source(
                body.getSource().getResourceType(), body.getSource().getResourceId(), null, null, null, null, null, null);
        SoraletExecutor.Extras extras = extras();
        SoraletExecutor.Result r = executor.execute(operatorId, soraletId, body.getVersion(),
                body.getDirection().getValue(), payload, contentType, source, body.getUserdata(), extras);
        if (r.error() != null) {
            throw new ApiException(ErrorCode.SORALET_EXECUTION_FAILED, r.error());
        }
        String outType = r.contentType() != null ? r.contentType() : contentType;
        byte[] out = r.output() == null ? new byte[0] : r.output();
        ExecuteSoraletResponseDto dto = new ExecuteSoraletResponseDto().contentType(outType).resultCode(r.resultCode());
        if (textual(outType)) {
            dto.body(new String(out, StandardCharsets.UTF_8)).encodingType("plain");
        } else {
            dto.body(Base64.getEncoder().encodeToString(out)).encodingType("base64");
        }
        return ResponseEntity.ok(dto);
    }

    /** The fields clients send that the contract does not declare: tags, location, timestamp. */
    private SoraletExecutor.Extras extras() {
        CachedBody cached = WebUtils.getNativeRequest(((ServletRequestAttributes) RequestContextHolder
                .currentRequestAttributes()).getRequest(), CachedBody.class);
        if (cached == null || cached.body() == null || cached.body().length == 0) {
            return SoraletExecutor.Extras.NONE;
        }
        JsonNode root;
        try {
            root = JSON.readTree(cached.body());
        } catch (RuntimeException e) {
            return SoraletExecutor.Extras.NONE;
        }
        if (root == null || !root.isObject()) {
            return SoraletExecutor.Extras.NONE;
        }
        Map<String, String> tags = null;
        JsonNode t = root.get("tags");
        if (t != null && t.isObject()) {
            tags = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : t.properties()) {
                tags.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asString() : e.getValue().toString());
            }
        }
        Double lat = null;
        Double lon = null;
        JsonNode loc = root.get("location");
        if (loc != null && loc.isObject() && loc.path("lat").isNumber() && loc.path("lon").isNumber()) {
            lat = loc.get("lat").asDouble();
            lon = loc.get("lon").asDouble();
        }
        JsonNode ts = root.get("timestamp");
        Long timestamp = ts != null && ts.isIntegralNumber() ? ts.asLong() : null;
        return new SoraletExecutor.Extras(lat, lon, timestamp, tags, null);
    }

    private static boolean textual(String contentType) {
        if (contentType == null) {
            return true;
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.contains("json") || t.contains("xml")
                || t.startsWith("application/x-www-form-urlencoded");
    }

    private static byte[] bytes(Resource body) {
        if (body == null) {
            return new byte[0];
        }
        try (InputStream in = body.getInputStream()) {
            byte[] code = in.readNBytes(SoraletService.MAX_CODE_BYTES + 1);
            if (code.length > SoraletService.MAX_CODE_BYTES) {
                long total = code.length + in.transferTo(java.io.OutputStream.nullOutputStream());
                throw new ApiException(ErrorCode.SORALET_CODE_TOO_LARGE, total, SoraletService.MAX_CODE_BYTES);
            }
            return code;
        } catch (IOException e) {
            throw new ApiException(ErrorCode.SORALET_CODE_INVALID, "the body could not be read");
        }
    }

    private static SoraletDto dto(SoraletStore.SoraletRow s) {
        return new SoraletDto().soraletId(s.soraletId()).operatorId(s.operatorId()).description(s.description())
                .createdTime(s.createdTime()).updatedTime(s.updatedTime());
    }

    private static SoraletVersionDto dto(SoraletStore.VersionRow v) {
        return new SoraletVersionDto().soraletId(v.soraletId()).operatorId(v.operatorId()).version(v.version())
                .srn(SoraletService.srn(v.operatorId(), v.soraletId(), v.version())).size(v.size()).hash(v.hash())
                .createdTime(v.createdTime());
    }

    private static SoraletLogDto dto(SoraletStore.LogRow l) {
        return new SoraletLogDto().soraletId(l.soraletId()).operatorId(l.operatorId()).version(l.version())
                .message(l.message()).createdTime(l.createdTime());
    }
}
