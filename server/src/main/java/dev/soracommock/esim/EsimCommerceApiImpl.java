package dev.soracommock.esim;

import dev.soracommock.api.esim.ESimCommerceApiDelegate;
import dev.soracommock.api.esim.model.DataPlanListResponseDto;
import dev.soracommock.api.esim.model.DataPlanResponseDto;
import dev.soracommock.api.esim.model.DataUsageDailyItemDto;
import dev.soracommock.api.esim.model.DataUsageResponseDto;
import dev.soracommock.api.esim.model.EmergencyControlRequestDto;
import dev.soracommock.api.esim.model.EsimResponseDto;
import dev.soracommock.api.esim.model.OrderEsimRequestDto;
import dev.soracommock.api.esim.model.OrderEsimResponseDto;
import dev.soracommock.api.esim.model.PaginationMetaDto;
import dev.soracommock.api.esim.model.TransactionResponseDto;
import dev.soracommock.coverage.Limitation;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.CurrentCaller;
import dev.soracommock.kernel.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** eSIM Commerce: the six operations of the sandbox, for the reseller the {@code X-API-Key} names. */
@Component
class EsimCommerceApiImpl implements ESimCommerceApiDelegate {

    private final EsimService esims;
    private final DataPlanCatalogue catalogue;
    private final CurrentCaller caller;

    EsimCommerceApiImpl(EsimService esims, DataPlanCatalogue catalogue, CurrentCaller caller) {
        this.esims = esims;
        this.catalogue = catalogue;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<DataPlanListResponseDto> listDataPlans(String countryCode, String providerCode, Integer page,
            Integer limit, Boolean includeRoaming) {
        int p = page == null ? 1 : page;
        int l = limit == null ? 200 : limit;
        List<String> problems = new ArrayList<>();
        if (p < 1) {
            problems.add("page must not be less than 1");
        }
        if (l < 1 || l > 200) {
            problems.add(l < 1 ? "limit must not be less than 1" : "limit must not be greater than 200");
        }
        if (countryCode != null && !countryCode.matches("[A-Z]{2}")) {
            problems.add("countryCode must be 2 upper-case letters (ISO 3166-1 alpha-2)");
        }
        if (!problems.isEmpty()) {
            throw ApiException.messages(ErrorCode.ESIM_BAD_REQUEST, problems);
        }
        boolean roaming = Boolean.TRUE.equals(includeRoaming);
        List<DataPlanResponseDto> matching = catalogue.all().stream()
                .filter(plan -> countryCode == null || plan.covers(countryCode, roaming))
                .filter(plan -> providerCode == null || plan.dto().getProviderCode().equals(providerCode))
                .map(DataPlanCatalogue.Plan::dto)
                .toList();
        int total = matching.size();
        long from = Math.min((long) (p - 1) * l, total);
        List<DataPlanResponseDto> items = new ArrayList<>(matching.subList((int) from, (int) Math.min(from + l, total)));
        return ResponseEntity.ok(new DataPlanListResponseDto().items(items)
                .meta(new PaginationMetaDto().total(total).page(p).limit(l).totalPages((total + l - 1) / l)));
    }

    @Override
    @Limitation("Sandbox ICCIDs only (8900…); activationDeadline is the order time plus the plan's unusedTerminationDays "
            + "(the real rule is not published); nothing is billed.")
    public ResponseEntity<OrderEsimResponseDto> orderEsims(OrderEsimRequestDto body) {
        EsimService.Ordered o = esims.order(caller.resellerId(), body == null ? null : body.getPlanCode(),
                body == null ? null : body.getQuantity());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new OrderEsimResponseDto().transactionId(UUID.fromString(o.transactionId())).esims(new ArrayList<>(o.esims())));
    }

    @Override
    @Limitation("Device events (download, install, first connection, usage) happen only through /_mock/esim/esims/{iccid}/…; "
            + "expiry to TERMINATED (terminatedOn = expiresOn + 1) is evaluated on read.")
    public ResponseEntity<EsimResponseDto> getEsim(String iccid) {
        return ResponseEntity.ok(esims.get(caller.resellerId(), iccid));
    }

    @Override
    public ResponseEntity<TransactionResponseDto> getTransaction(UUID transactionId) {
        List<String> iccids = esims.transaction(caller.resellerId(), transactionId.toString());
        return ResponseEntity.ok(new TransactionResponseDto().transactionId(transactionId).iccids(new ArrayList<>(iccids)));
    }

    @Override
    public ResponseEntity<EsimResponseDto> emergencyControl(String iccid, EmergencyControlRequestDto body) {
        if (body == null || body.getAction() == null) {
            throw ApiException.messages(ErrorCode.ESIM_BAD_REQUEST, List.of("action must be one of the following values: suspend, release"));
        }
        return ResponseEntity.ok(esims.emergencyControl(caller.resellerId(), iccid, body.getAction().getValue()));
    }

    @Override
    public ResponseEntity<DataUsageResponseDto> setDataUsage(String iccid, List<DataUsageDailyItemDto> body) {
        List<EsimService.Usage> list = body == null ? null : body.stream()
                .map(u -> u == null ? null : new EsimService.Usage(u.getDay(), u.getUsage())).toList();
        List<EsimService.Usage> stored = esims.setDataUsage(caller.resellerId(), iccid, list);
        return ResponseEntity.ok(new DataUsageResponseDto().message("Data usage updated successfully").iccid(iccid)
                .dataUsageDailyList(new ArrayList<>(stored.stream()
                        .map(u -> new DataUsageDailyItemDto().day(u.day()).usage(u.usage())).toList())));
    }
}
