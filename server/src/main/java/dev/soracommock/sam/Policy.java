package dev.soracommock.sam;

import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A SAM permission: {@code {"statements":[{"effect":"allow"|"deny","api":"Subscriber:*"|[…],"condition":"…"}]}}.
 * An {@code api} pattern is {@code *} or {@code Tag:operation} where {@code *} matches any run of characters
 * ({@code Subscriber:*}, {@code Group:list*}). LIMITATION: {@code condition} expressions are kept but not evaluated
 * (a statement with a condition applies as if the condition held).
 */
record Policy(List<Statement> statements) {

    record Statement(int index, String effect, List<String> apis, String condition) {

        boolean matches(String apiName) {
            for (String api : apis) {
                if (glob(api).matcher(apiName).matches()) {
                    return true;
                }
            }
            return false;
        }

        boolean allows() {
            return effect.equals("allow");
        }
    }

    /** Parses and validates a permission document; 400 AUM0021 naming the problem when it is not one. */
    static Policy parse(String json, JsonMapper mapper) {
        if (json == null || json.isBlank()) {
            throw new ApiException(ErrorCode.INVALID_PERMISSION, "empty");
        }
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new ApiException(ErrorCode.INVALID_PERMISSION, "not JSON: " + e.getOriginalMessage());
        }
        JsonNode statements = root.get("statements");
        if (statements == null || !statements.isArray()) {
            throw new ApiException(ErrorCode.INVALID_PERMISSION, "'statements' must be an array");
        }
        List<Statement> out = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            JsonNode s = statements.get(i);
            String effect = s.path("effect").asString("");
            if (!effect.equals("allow") && !effect.equals("deny")) {
                throw new ApiException(ErrorCode.INVALID_PERMISSION, "statements[" + i + "].effect must be allow or deny");
            }
            List<String> apis = new ArrayList<>();
            JsonNode api = s.get("api");
            if (api != null && api.isString()) {
                apis.add(api.asString());
            } else if (api != null && api.isArray()) {
                for (JsonNode a : api) {
                    if (!a.isString()) {
                        throw new ApiException(ErrorCode.INVALID_PERMISSION, "statements[" + i + "].api must hold strings");
                    }
                    apis.add(a.asString());
                }
            }
            if (apis.isEmpty()) {
                throw new ApiException(ErrorCode.INVALID_PERMISSION, "statements[" + i + "].api is missing");
            }
            JsonNode condition = s.get("condition");
            out.add(new Statement(i, effect, List.copyOf(apis), condition == null || condition.isNull() ? null : condition.asString()));
        }
        return new Policy(List.copyOf(out));
    }

    private static Pattern glob(String api) {
        StringBuilder regex = new StringBuilder();
        for (String part : api.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
