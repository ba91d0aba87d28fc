package dev.soracommock.group;

import dev.soracommock.contract.OneOfValues;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The configuration of one group, {@code {"<namespace>": {"<key>": <any JSON>}}}, and its rules:
 * <ul>
 * <li>namespaces are the contract's enum of {@code putConfigurationParameters} ({@link #NAMESPACES});</li>
 * <li>putting keys merges them into the namespace, each value replaced whole (not deep-merged: the reference warns
 * that settings left out of a value are reset);</li>
 * <li>a namespace exists while it has a key: removing its last key removes it;</li>
 * <li>the whole configuration, as compact UTF-8 JSON, is at most {@link #MAX_BYTES} bytes (Soracom Air limitations:
 * "8 KB" per group); a change that would exceed it is refused and changes nothing.</li>
 * </ul>
 * Mutable and not thread-safe: one instance per change, inside the service's transaction.
 */
final class GroupConfiguration {

    static final int MAX_BYTES = 8 * 1024;

    /** The namespaces of the contract (putConfigurationParameters, deleteConfigurationNamespace). */
    static final List<String> NAMESPACES = List.of("SoracomAir", "SoracomBeam", "SoracomEndorse", "SoracomFlux",
            "SoracomFunk", "SoracomFunnel", "SoracomHarvest", "SoracomHarvestFiles", "SoracomKrypton", "SoracomOrbit",
            "UnifiedEndpoint");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode root;

    private GroupConfiguration(ObjectNode root) {
        this.root = root;
    }

    static GroupConfiguration empty() {
        return new GroupConfiguration(JSON.createObjectNode());
    }

    /** Reads the stored text. */
    static GroupConfiguration parse(String text) {
        return new GroupConfiguration((ObjectNode) JSON.readTree(text));
    }

    /**
     * A configuration as a client sent it (createGroup): namespaces checked, each namespace an object; an empty
     * namespace is dropped (a namespace exists while it has a key).
     */
    static GroupConfiguration fromRequest(Map<String, Object> configuration) {
        GroupConfiguration c = empty();
        if (configuration == null) {
            return c;
        }
        configuration.forEach((namespace, value) -> {
            checkNamespace(namespace);
            JsonNode node = toJson(value);
            if (!node.isObject()) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "configuration." + namespace + ": must be an object");
            }
            node.properties().forEach(e -> c.put(namespace, e.getKey(), e.getValue()));
        });
        return c;
    }

    /** 400 SEM0506 unless {@code namespace} is one of the contract's. */
    static void checkNamespace(String namespace) {
        if (!NAMESPACES.contains(namespace)) {
            throw new ApiException(ErrorCode.GROUP_INVALID_NAMESPACE, namespace);
        }
    }

    /**
     * Any JSON value as the generated DTOs hand it over: a {@link OneOfValues} proxy, a {@link JsonNode}, or what
     * Jackson reads into {@code Object} (Map, List, String, Number, Boolean, null).
     */
    static JsonNode toJson(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        JsonNode oneOf = OneOfValues.json(value);
        if (oneOf != null) {
            return oneOf;
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        return JSON.valueToTree(value);
    }

    void put(String namespace, String key, JsonNode value) {
        JsonNode ns = root.get(namespace);
        ObjectNode target = ns instanceof ObjectNode o ? o : root.putObject(namespace);
        target.set(key, value == null ? NullNode.getInstance() : value.deepCopy());
    }

    boolean hasNamespace(String namespace) {
        return root.has(namespace);
    }

    /** Removes a key, and its namespace when that was the last key; false when there was no such key. */
    boolean removeKey(String namespace, String key) {
        JsonNode ns = root.get(namespace);
        if (!(ns instanceof ObjectNode o) || !o.has(key)) {
            return false;
        }
        o.remove(key);
        if (o.isEmpty()) {
            root.remove(namespace);
        }
        return true;
    }

    /** False when there was no such namespace. */
    boolean removeNamespace(String namespace) {
        return root.remove(namespace) != null;
    }

    /** The text to store; 400 SEM0505 when it is larger than {@link #MAX_BYTES}. */
    String serialize() {
        String text = JSON.writeValueAsString(root);
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new ApiException(ErrorCode.GROUP_CONFIGURATION_TOO_LARGE, MAX_BYTES, bytes);
        }
        return text;
    }

    /** A copy of the tree, for answers. */
    ObjectNode tree() {
        return root.deepCopy();
    }
}
