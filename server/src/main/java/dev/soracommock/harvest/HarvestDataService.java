package dev.soracommock.harvest;

import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.Paging.Page;
import dev.soracommock.kernel.Paging.PageRequest;
import dev.soracommock.subscriber.DataEntries;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Harvest Data: entries appended by devices and read in bulk (JdbcTemplate, table {@code harvest_data_entry}). An
 * entry is addressed by (resource type, resource ID, time in ms); a second entry for the same resource in the same
 * millisecond is stored one millisecond later, so that the time stays a key. Content is kept as the device sent
 * it (bytes and content type) and answered as text when it is text (JSON, {@code text/*}, XML, form data in UTF-8),
 * else as Harvest shows binary data: {@code {"payload":"<base64>"}} with the content type {@code application/json}.
 * It is also the subscriber domain's view of a SIM's data ({@link DataEntries}).
 */
@Service
public class HarvestDataService implements DataEntries {

    /** The resource types of the DataEntry API. */
    public static final Set<String> RESOURCE_TYPES = Set.of("Subscriber", "LoraDevice", "Sim", "SigfoxDevice", "Device",
            "SoraCam");

    /** An entry as the DataEntry API answers it. */
    public record StoredEntry(String resourceType, String resourceId, long time, String category, String contentType,
            String content) {
    }

    /** A resource that has data: its type, ID, newest entry's time and the field names of that entry's JSON object. */
    public record Resource(String resourceType, String resourceId, long lastModifiedTime, List<String> attributeNames) {
    }

    private final JdbcTemplate jdbc;
    private final MockClock clock;
    private final JsonMapper json;

    HarvestDataService(JdbcTemplate jdbc, MockClock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    /** Stores an entry at the clock's time (moved on by 1 ms while the resource has one then); answers its time. */
    @Transactional
    public long store(String operatorId, String resourceType, String resourceId, String simId, String category,
            String contentType, byte[] content) {
        long time = clock.nowMillis();
        Long last = jdbc.queryForObject("select max(entry_time) from harvest_data_entry where operator_id = ?"
                + " and resource_type = ? and resource_id = ? and entry_time >= ?", Long.class, operatorId, resourceType,
                resourceId, time);
        if (last != null) {
            time = last + 1;
        }
        jdbc.update("insert into harvest_data_entry (operator_id, resource_type, resource_id, sim_id, entry_time, category,"
                + " content_type, content) values (?,?,?,?,?,?,?,?)", operatorId, resourceType, resourceId, simId, time,
                category, contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType, content);
        return time;
    }

    @Transactional(readOnly = true)
    public Page<StoredEntry> entries(String operatorId, String resourceType, String resourceId, Long from, Long to,
            boolean ascending, PageRequest page) {
        checkType(resourceType);
        return page("resource_type = ? and resource_id = ?", List.of(resourceType, resourceId), operatorId, from, to,
                ascending, page);
    }

    @Transactional(readOnly = true)
    public Page<StoredEntry> byCategory(String operatorId, String category, Long from, Long to, boolean ascending,
            PageRequest page) {
        return page("category = ?", List.of(category), operatorId, from, to, ascending, page);
    }

    /** One entry; 404 MCK0204 when there is none at that time. */
    @Transactional(readOnly = true)
    public StoredEntry entry(String operatorId, String resourceType, String resourceId, long time) {
        checkType(resourceType);
        List<StoredEntry> found = jdbc.query("select " + COLUMNS + " from harvest_data_entry where operator_id = ?"
                + " and " + resourceClause(resourceType) + " and entry_time = ?", mapper(), resourceArgs(operatorId,
                        resourceType, resourceId, time));
        if (found.isEmpty()) {
            throw new ApiException(ErrorCode.DATA_ENTRY_NOT_FOUND, resourceType, resourceId, time);
        }
        return found.get(0);
    }

    /** Deletes the entry at that time, if any (the contract declares no 404). */
    @Transactional
    public void delete(String operatorId, String resourceType, String resourceId, long time) {
        checkType(resourceType);
        jdbc.update("delete from harvest_data_entry where operator_id = ? and " + resourceClause(resourceType)
                + " and entry_time = ?", resourceArgs(operatorId, resourceType, resourceId, time));
    }

    /** The resources that have data, by type then ID, optionally of one type; keyset on {@code <type>/<id>}. */
    @Transactional(readOnly = true)
    public Page<Resource> resources(String operatorId, String resourceType, PageRequest page) {
        if (resourceType != null) {
            checkType(resourceType);
        }
        List<Object> args = new ArrayList<>(List.of(operatorId));
        StringBuilder sql = new StringBuilder("select resource_type, resource_id, max(entry_time) from harvest_data_entry"
                + " where operator_id = ?");
        if (resourceType != null) {
            sql.append(" and resource_type = ?");
            args.add(resourceType);
        }
        if (page.after() != null) {
            sql.append(" and (resource_type || '/' || resource_id) > ?");
            args.add(page.after());
        }
        sql.append(" group by resource_type, resource_id order by resource_type, resource_id");
        List<Object[]> rows = jdbc.query(sql.toString(), (rs, i) -> new Object[] {rs.getString(1), rs.getString(2),
                rs.getLong(3)}, args.toArray());
        List<Object[]> cut = rows.size() > page.fetchSize() ? rows.subList(0, page.fetchSize()) : rows;
        List<Resource> out = new ArrayList<>();
        for (Object[] r : cut) {
            out.add(new Resource((String) r[0], (String) r[1], (Long) r[2],
                    attributeNames(operatorId, (String) r[0], (String) r[1], (Long) r[2])));
        }
        return Page.of(out, page, r -> r.resourceType() + "/" + r.resourceId());
    }

    // --- DataEntries (the subscriber domain's view) ---

    @Override
    @Transactional(readOnly = true)
    public Page<Entry> ofSubscriber(String operatorId, String imsi, Long from, Long to, boolean ascending,
            PageRequest page) {
        return shortened(entries(operatorId, "Subscriber", imsi, from, to, ascending, page));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Entry> ofSim(String operatorId, String simId, Long from, Long to, boolean ascending, PageRequest page) {
        return shortened(page("(sim_id = ? or (resource_type = 'Sim' and resource_id = ?))", List.of(simId, simId),
                operatorId, from, to, ascending, page));
    }

    private static Page<Entry> shortened(Page<StoredEntry> page) {
        return new Page<>(page.items().stream().map(e -> new Entry(e.time(), e.contentType(), e.content())).toList(),
                page.nextKey());
    }

    // --- helpers ---

    private static final String COLUMNS = "resource_type, resource_id, entry_time, category, content_type, content";

    /** A SIM's entries are also those its device sent under its IMSIs (stored with its ID). */
    private static String resourceClause(String resourceType) {
        return "Sim".equals(resourceType) ? "(sim_id = ? or (resource_type = 'Sim' and resource_id = ?))"
                : "resource_type = ? and resource_id = ?";
    }

    private static Object[] resourceArgs(String operatorId, String resourceType, String resourceId, long time) {
        return "Sim".equals(resourceType) ? new Object[] {operatorId, resourceId, resourceId, time}
                : new Object[] {operatorId, resourceType, resourceId, time};
    }

    private Page<StoredEntry> page(String clause, List<Object> clauseArgs, String operatorId, Long from, Long to,
            boolean ascending, PageRequest page) {
        if ("Sim".equals(clauseArgs.get(0)) && clause.startsWith("resource_type")) {
            clause = resourceClause("Sim");
            clauseArgs = List.of(clauseArgs.get(1), clauseArgs.get(1));
        }
        if (from != null && to != null && from > to) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "from must not be after to:from");
        }
        List<Object> args = new ArrayList<>();
        args.add(operatorId);
        args.addAll(clauseArgs);
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from harvest_data_entry where operator_id = ? and "
                + clause);
        if (from != null) {
            sql.append(" and entry_time >= ?");
            args.add(from);
        }
        if (to != null) {
            sql.append(" and entry_time <= ?");
            args.add(to);
        }
        Long after = key(page.after());
        if (after != null) {
            sql.append(ascending ? " and entry_time > ?" : " and entry_time < ?");
            args.add(after);
        }
        sql.append(" order by entry_time ").append(ascending ? "asc" : "desc");
        if (page.limit() != null) {
            sql.append(" fetch first ").append(page.fetchSize()).append(" rows only");
        }
        return Page.of(jdbc.query(sql.toString(), mapper(), args.toArray()), page, e -> String.valueOf(e.time()));
    }

    private static Long key(String after) {
        if (after == null) {
            return null;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "last_evaluated_key must be an entry's time:last_evaluated_key");
        }
    }

    private RowMapper<StoredEntry> mapper() {
        return (rs, i) -> {
            String type = rs.getString(5);
            byte[] bytes = rs.getBytes(6);
            String text = textOf(type, bytes);
            return text != null
                    ? new StoredEntry(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), type, text)
                    : new StoredEntry(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            "application/json", "{\"payload\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"}");
        };
    }

    /** The content as text when its type is a text type and the bytes are UTF-8, else null (binary). */
    static String textOf(String contentType, byte[] bytes) {
        String t = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        boolean textual = t.startsWith("text/") || t.contains("json") || t.contains("xml") || t.contains("csv")
                || t.startsWith("application/x-www-form-urlencoded");
        if (!textual) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private List<String> attributeNames(String operatorId, String resourceType, String resourceId, long time) {
        List<StoredEntry> latest = jdbc.query("select " + COLUMNS + " from harvest_data_entry where operator_id = ?"
                + " and resource_type = ? and resource_id = ? and entry_time = ?", mapper(), operatorId, resourceType,
                resourceId, time);
        if (latest.isEmpty()) {
            return List.of();
        }
        try {
            JsonNode node = json.readTree(latest.get(0).content());
            if (node != null && node.isObject()) {
                List<String> names = new ArrayList<>(node.propertyNames());
                names.sort(null);
                return names;
            }
        } catch (RuntimeException notJson) {
            // not JSON: no attributes
        }
        return List.of();
    }

    private static void checkType(String resourceType) {
        if (resourceType == null || !RESOURCE_TYPES.contains(resourceType)) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "unknown resource type:resource_type");
        }
    }
}
