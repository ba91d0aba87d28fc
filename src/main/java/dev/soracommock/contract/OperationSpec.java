package dev.soracommock.contract;

import java.util.List;

/** One operation of a contract, as generated into each contract's {@code OperationCatalog}. */
public record OperationSpec(String operationId, String tag, String method, String path, boolean requiresAuth,
        int[] successStatuses, List<String> cliCommands, boolean paginated, boolean deprecated) {

    /** Sentinel closing the generated list (lets the template end every entry with a comma); filtered out. */
    public static final OperationSpec END = new OperationSpec("", "", "", "", false, new int[0], List.of(), false, false);
}
