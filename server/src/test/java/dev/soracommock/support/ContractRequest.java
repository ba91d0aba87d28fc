package dev.soracommock.support;

import io.swagger.v3.oas.models.media.Schema;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * One request to an operation, as {@link OperationRequests} builds it from the contract: what goes on the wire, with
 * no client attached, so each test sends it its own way ({@link ApiTest#send(ContractRequest)} with RestAssured,
 * {@code RawHttp.Call.of} byte for byte). Path segments and query values are held percent-encoded, as sent.
 *
 * @param method       HTTP method, upper case
 * @param pathTemplate the contract's base path and the operation's path, with its {@code {name}} variables
 * @param pathValues   each path variable's segment as sent (percent-encoded), in the contract's order
 * @param query        the query parameters sent, each value as sent (percent-encoded), in the contract's order
 * @param headers      the headers sent but {@code Content-Type}: credentials, the caller's own, required ones
 * @param contentType  the body's media type, sent as {@code Content-Type}; {@code null} when the request has no body
 * @param body         the body's bytes; empty when none
 * @param json         the body as JSON when it is the contract's JSON body (what a mutation starts from), else {@code null}
 * @param bodySchema   the schema {@code json} conforms to, else {@code null}
 */
public record ContractRequest(String method, String pathTemplate, Map<String, String> pathValues,
        Map<String, String> query, Map<String, String> headers, String contentType, byte[] body, JsonNode json,
        Schema<?> bodySchema) {

    public ContractRequest {
        pathValues = Collections.unmodifiableMap(new LinkedHashMap<>(pathValues));
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
    }

    /** The path with every variable filled, without the query. */
    public String path() {
        String p = pathTemplate;
        for (Map.Entry<String, String> e : pathValues.entrySet()) {
            p = p.replace("{" + e.getKey() + "}", e.getValue());
        }
        return p;
    }

    /** The path and the query string, as sent. */
    public String pathAndQuery() {
        return path() + (query.isEmpty() ? "" : query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&", "?", "")));
    }

    /** Every header sent, {@code Content-Type} included when there is a body. */
    public Map<String, String> headersWithContentType() {
        if (contentType == null) {
            return headers;
        }
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", contentType);
        return all;
    }

    /** The same request with this path variable's segment (as sent: percent-encoded, or deliberately not). */
    public ContractRequest withPathValue(String name, String segment) {
        Map<String, String> values = new LinkedHashMap<>(pathValues);
        values.put(name, segment);
        return new ContractRequest(method, pathTemplate, values, query, headers, contentType, body, json, bodySchema);
    }

    /** The same request with this query parameter's value (as sent), in its place or added last. */
    public ContractRequest withQuery(String name, String value) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put(name, value);
        return new ContractRequest(method, pathTemplate, pathValues, q, headers, contentType, body, json, bodySchema);
    }

    /** The same request with this body (any bytes) sent as this media type. */
    public ContractRequest withBody(String mediaType, byte[] bytes) {
        return new ContractRequest(method, pathTemplate, pathValues, query, headers, mediaType, bytes, null, null);
    }

    @Override
    public String toString() {
        String text = new String(body, StandardCharsets.UTF_8);
        return method + " " + pathAndQuery() + (body.length == 0 ? "" : " body " + ErrorForm.shorten(text));
    }
}
