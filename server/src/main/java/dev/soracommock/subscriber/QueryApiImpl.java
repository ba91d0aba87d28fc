package dev.soracommock.subscriber;

import dev.soracommock.api.soracom.QueryApiDelegate;
import dev.soracommock.api.soracom.model.SimDto;
import dev.soracommock.api.soracom.model.SubscriberDto;
import dev.soracommock.coverage.LeftToFallback;
import dev.soracommock.coverage.Limitation;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.CurrentCaller;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.Paging;
import dev.soracommock.kernel.Paging.PageRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Query tag for SIMs and subscribers (soracom-facts §4.6): partial, case-insensitive matching; several values per
 * parameter (repeated or comma-separated) are alternatives; each value at least 2 characters; parameters combined
 * with {@code search_type} and (default) or or; subscription matched exactly; limit 10 by default, at most 100; paged
 * by SIM ID; terminated SIMs included. Unlike the real service (an eventually consistent index), results are immediate.
 */
@Component
@LeftToFallback(operations = {"searchDevices", "searchSigfoxDevices"},
        reason = "Inventory and Sigfox devices belong to their own domains")
@LeftToFallback(operations = {"searchSubscriberTrafficVolumeRanking"},
        reason = "traffic volumes come from the stats domain")
class QueryApiImpl implements QueryApiDelegate {

    private static final int DEFAULT_LIMIT = 10;

    private final SimService sims;
    private final SimViews views;
    private final CurrentCaller caller;

    QueryApiImpl(SimService sims, SimViews views, CurrentCaller caller) {
        this.sims = sims;
        this.views = views;
        this.caller = caller;
    }

    @Override
    @Limitation("group matches group names once the groups domain provides them, and group IDs partially in any case")
    public ResponseEntity<List<SimDto>> searchSims(List<String> name, List<String> group, List<String> groupId,
            List<String> simId, List<String> imsi, List<String> msisdn, List<String> iccid, List<String> serialNumber,
            List<String> tag, List<String> bundles, List<String> status, String sessionStatus,
            List<String> subscription, List<String> moduleType, Integer limit, String lastEvaluatedKey,
            String searchType) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("name", name);
        params.put("group", group);
        params.put("group_id", groupId);
        params.put("sim_id", simId);
        params.put("imsi", imsi);
        params.put("msisdn", msisdn);
        params.put("iccid", iccid);
        params.put("serial_number", serialNumber);
        params.put("tag", tag);
        params.put("bundles", bundles);
        params.put("status", status);
        params.put("subscription", subscription);
        params.put("module_type", moduleType);
        PageRequest page = PageRequest.of(limit == null ? DEFAULT_LIMIT : limit, lastEvaluatedKey, 100);
        return Paging.ok(sims.search(caller.operatorId(), terms(params), "or".equalsIgnoreCase(searchType),
                online(sessionStatus), page), views::sim, page);
    }

    @Override
    @Limitation("deprecated upstream in favour of /query/sims; searches the same way, paged by SIM ID, one subscriber"
            + " (the primary subscription) per SIM")
    public ResponseEntity<List<SubscriberDto>> searchSubscribers(List<String> name, List<String> group,
            List<String> imsi, List<String> msisdn, List<String> iccid, List<String> serialNumber, List<String> tag,
            List<String> subscription, List<String> moduleType, Integer limit, String lastEvaluatedKey,
            String searchType) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("name", name);
        params.put("group", group);
        params.put("imsi", imsi);
        params.put("msisdn", msisdn);
        params.put("iccid", iccid);
        params.put("serial_number", serialNumber);
        params.put("tag", tag);
        params.put("subscription", subscription);
        params.put("module_type", moduleType);
        PageRequest page = PageRequest.of(limit == null ? DEFAULT_LIMIT : limit, lastEvaluatedKey, 100);
        return Paging.ok(sims.search(caller.operatorId(), terms(params), "or".equalsIgnoreCase(searchType), null, page),
                sim -> views.subscriber(sim, sim.primary()), page);
    }

    private static Boolean online(String sessionStatus) {
        if (sessionStatus == null) {
            return null;
        }
        return switch (sessionStatus.toUpperCase()) {
            case "ONLINE" -> Boolean.TRUE;
            case "OFFLINE" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Each parameter's values, split at commas; every value must have at least 2 characters. */
    private static List<SimQueries.Term> terms(Map<String, List<String>> params) {
        List<SimQueries.Term> terms = new ArrayList<>();
        params.forEach((field, raw) -> {
            if (raw == null) {
                return;
            }
            List<String> values = new ArrayList<>();
            for (String r : raw) {
                for (String v : r.split(",", -1)) {
                    String t = v.trim();
                    if (t.length() < 2) {
                        throw new ApiException(ErrorCode.INVALID_SEARCH_QUERY,
                                field + ": each value needs at least 2 characters");
                    }
                    values.add(t);
                }
            }
            if (!values.isEmpty()) {
                terms.add(new SimQueries.Term(field, values));
            }
        });
        return terms;
    }
}
