package dev.soracommock.harvest;

import dev.soracommock.api.soracom.DataEntryApiDelegate;
import dev.soracommock.api.soracom.model.DataEntryDto;
import dev.soracommock.api.soracom.model.DataResourceMetadataDto;
import dev.soracommock.coverage.Limitation;
import dev.soracommock.kernel.CurrentCaller;
import dev.soracommock.kernel.Paging;
import dev.soracommock.kernel.Paging.PageRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * DataEntry tag: a resource's entries ({@code from}/{@code to} in ms inclusive, {@code sort} desc by default,
 * {@code limit} 10 by default up to 1,000, keyset on the entry's time in {@code x-soracom-next-key}), one entry by
 * time, entries of a category, and the resources that have data.
 */
@Component
class DataEntryApiImpl implements DataEntryApiDelegate {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 1000;

    private final HarvestDataService data;
    private final CurrentCaller caller;

    DataEntryApiImpl(HarvestDataService data, CurrentCaller caller) {
        this.data = data;
        this.caller = caller;
    }

    @Override
    @Limitation("an unknown resource answers [] (no 404), as a resource without data; entries of Sim/<sim_id> include "
            + "those the SIM's device sent under its IMSIs; two entries of a resource in the same millisecond "
            + "[UNKNOWN] are both kept, the second 1 ms later; binary content is answered as {\"payload\":\"<base64>\"}")
    public ResponseEntity<List<DataEntryDto>> getDataEntries(String resourceType, String resourceId, Long from, Long to,
            String sort, Integer limit, String lastEvaluatedKey) {
        PageRequest page = page(limit, lastEvaluatedKey);
        return Paging.ok(data.entries(caller.operatorId(), resourceType, resourceId, from, to, "asc".equals(sort), page),
                DataEntryApiImpl::perResource, page);
    }

    @Override
    @Limitation("no entry at that time is 404 MCK0204 [UNKNOWN: the real error code]")
    public ResponseEntity<DataEntryDto> getDataEntry(String resourceType, String resourceId, Long time) {
        return ResponseEntity.ok(perResource(data.entry(caller.operatorId(), resourceType, resourceId, time)));
    }

    @Override
    @Limitation("deleting an entry that does not exist answers 204 too (the contract declares no 404)")
    public ResponseEntity<Void> deleteDataEntry(String resourceType, String resourceId, Long time) {
        data.delete(caller.operatorId(), resourceType, resourceId, time);
        return ResponseEntity.noContent().build();
    }

    @Override
    @Limitation("an entry has a category when the SIM's group sets SoracomHarvest.category (a string) [UNKNOWN: the "
            + "real option's key]")
    public ResponseEntity<List<DataEntryDto>> getDataEntriesByCategory(String category, Long from, Long to, String sort,
            Integer limit, String lastEvaluatedKey) {
        PageRequest page = page(limit, lastEvaluatedKey);
        return Paging.ok(data.byCategory(caller.operatorId(), category, from, to, "asc".equals(sort), page),
                DataEntryApiImpl::full, page);
    }

    @Override
    @Limitation("by resource type then ID; attributeNames [UNKNOWN] are the top-level field names of the resource's "
            + "newest entry when it is a JSON object, else []")
    public ResponseEntity<List<DataResourceMetadataDto>> listDataSourceResources(String resourceType, Integer limit,
            String lastEvaluatedKey) {
        PageRequest page = page(limit, lastEvaluatedKey);
        return Paging.ok(data.resources(caller.operatorId(), resourceType, page), DataEntryApiImpl::resource, page);
    }

    @Override
    @Limitation("the same list as listDataSourceResources [UNKNOWN: how the two differ]")
    public ResponseEntity<List<DataResourceMetadataDto>> listDataResourceMetadata(String resourceType, Integer limit,
            String lastEvaluatedKey) {
        return listDataSourceResources(resourceType, limit, lastEvaluatedKey);
    }

    private static PageRequest page(Integer limit, String lastEvaluatedKey) {
        return PageRequest.of(limit == null ? DEFAULT_LIMIT : limit, lastEvaluatedKey, MAX_LIMIT);
    }

    /** As the real per-resource lists show an entry: time, content type and content. */
    private static DataEntryDto perResource(HarvestDataService.StoredEntry e) {
        return new DataEntryDto().time(e.time()).contentType(e.contentType()).content(e.content());
    }

    private static DataEntryDto full(HarvestDataService.StoredEntry e) {
        return perResource(e).resourceType(DataEntryDto.ResourceTypeEnum.fromValue(e.resourceType()))
                .resourceId(e.resourceId()).category(e.category());
    }

    private static DataResourceMetadataDto resource(HarvestDataService.Resource r) {
        return new DataResourceMetadataDto().resourceType(r.resourceType()).resourceId(r.resourceId())
                .lastModifiedTime(r.lastModifiedTime()).attributeNames(r.attributeNames());
    }
}
