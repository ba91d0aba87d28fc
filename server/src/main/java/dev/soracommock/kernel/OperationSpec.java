package dev.soracommock.kernel;

import java.util.List;

/**
 * One operation of a contract, as generated into each contract's {@code OperationCatalog} at build time.
 *
 * @param operationId     the contract's operationId (also the generated Java method name)
 * @param tag             the operation's first tag
 * @param method          HTTP method, upper case
 * @param path            path template relative to the contract's base path
 * @param requiresAuth    whether the contract requires X-Soracom-API-Key and X-Soracom-Token
 * @param successStatuses the documented 2xx and 3xx statuses, lowest first
 * @param cliCommands     the soracom-cli command(s) for this operation ({@code x-soracom-cli})
 * @param paginated       whether soracom-cli pages through it ({@code x-soracom-cli-pagination})
 * @param deprecated      whether the contract marks it deprecated
 * @param samOperationId  the name SAM permissions use ({@code x-sam-operationId}, else the operationId)
 */
public record OperationSpec(String operationId, String tag, String method, String path, boolean requiresAuth,
        int[] successStatuses, List<String> cliCommands, boolean paginated, boolean deprecated, String samOperationId) {

    /** Sentinel closing the generated list (lets the template end every entry with a comma); filtered out. */
    public static final OperationSpec END = new OperationSpec("", "", "", "", false, new int[0], List.of(), false, false, "");

    /** The API name SAM permission statements match, e.g. {@code Subscriber:listSubscribers}. */
    public String samApiName() {
        return tag + ":" + samOperationId;
    }

    /** The documented success status (the lowest 2xx or 3xx; 200 when the contract documents none). */
    public int successStatus() {
        return successStatuses.length == 0 ? 200 : successStatuses[0];
    }

    public String cliCommand() {
        return cliCommands.isEmpty() ? "" : "soracom " + cliCommands.get(0);
    }
}
