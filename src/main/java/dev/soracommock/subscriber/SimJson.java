package dev.soracommock.subscriber;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.soracommock.api.soracom.model.CellDto;
import dev.soracommock.api.soracom.model.ImeiLockDto;
import dev.soracommock.api.soracom.model.PreviousSessionStatusDto;
import dev.soracommock.api.soracom.model.SessionEventDto;
import dev.soracommock.api.soracom.model.SessionStatusDto;
import dev.soracommock.api.soracom.model.SimDto;
import dev.soracommock.api.soracom.model.SubscriberDto;
import org.springframework.boot.jackson.JacksonMixin;

/**
 * JSON shape of the two views. The real API emits null for unset fields and the DTOs do so by default; the contract
 * (OpenAPI 3.0) cannot mark a {@code $ref} property nullable, though, so a null {@code imeiLock},
 * {@code previousSession}, {@code cell}, … would not validate: those few are left out when null instead.
 */
final class SimJson {

    private SimJson() {
    }

    @JacksonMixin(SubscriberDto.class)
    abstract static class SubscriberMixin {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract ImeiLockDto getImeiLock();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract PreviousSessionStatusDto getPreviousSession();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Object getLocationRegistrationStatus();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract SessionStatusDto getSessionStatus();
    }

    @JacksonMixin(SimDto.class)
    abstract static class SimMixin {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract ImeiLockDto getImeiLock();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract PreviousSessionStatusDto getPreviousSession();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Object getArcSessionStatus();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Object getCapabilities();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract SessionStatusDto getSessionStatus();
    }

    @JacksonMixin(SessionStatusDto.class)
    abstract static class SessionStatusMixin {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract CellDto getCell();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Object getPlacement();
    }

    @JacksonMixin(PreviousSessionStatusDto.class)
    abstract static class PreviousSessionMixin {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract CellDto getCell();
    }

    @JacksonMixin(SessionEventDto.class)
    abstract static class SessionEventMixin {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract CellDto getCell();
    }
}
