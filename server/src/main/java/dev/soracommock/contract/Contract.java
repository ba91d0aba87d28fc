package dev.soracommock.contract;

import dev.soracommock.kernel.OperationSpec;
import java.util.List;

/**
 * The contracts this server serves, each generated into its own package and served from {@code /openapi/}: the three
 * APIs it emulates, and its own control API ({@link #MOCK}), which is left out of the coverage, the fallback and the
 * rate limits.
 */
public enum Contract {
    SORACOM("soracom-api.yaml", "/v1", dev.soracommock.api.soracom.OperationCatalog.CONTRACT_VERSION),
    SANDBOX("soracom-sandbox-api.yaml", "/v1", dev.soracommock.api.sandbox.OperationCatalog.CONTRACT_VERSION),
    ESIM("esim-commerce-sandbox-api.yaml", "/esim-commerce/v1", dev.soracommock.api.esim.OperationCatalog.CONTRACT_VERSION),
    MOCK("mock-admin.yaml", "/_mock", dev.soracommock.api.mock.OperationCatalog.CONTRACT_VERSION);

    /** The APIs the server emulates (every contract but its own control API). */
    public static final List<Contract> EMULATED = List.of(SORACOM, SANDBOX, ESIM);

    private final String fileName;
    private final String basePath;
    private final String version;

    Contract(String fileName, String basePath, String version) {
        this.fileName = fileName;
        this.basePath = basePath;
        this.version = version;
    }

    /** File name under {@code openapi/} in the repository, {@code classpath:contracts/} and {@code /openapi/} on the server. */
    public String fileName() {
        return fileName;
    }

    public String basePath() {
        return basePath;
    }

    /** The contract whose base path the request path is under ({@code /esim-commerce/…}, {@code /_mock/…}); the Soracom API otherwise. */
    public static Contract ofPath(String path) {
        if (path != null && path.startsWith("/esim-commerce/")) {
            return ESIM;
        }
        return path != null && path.startsWith("/_mock/") ? MOCK : SORACOM;
    }

    /** Whether this is one of the APIs the server emulates, as opposed to its own control API. */
    public boolean emulated() {
        return this != MOCK;
    }

    public String version() {
        return version;
    }

    List<OperationSpec> operations() {
        List<OperationSpec> ops = switch (this) {
            case SORACOM -> dev.soracommock.api.soracom.OperationCatalog.operations();
            case SANDBOX -> dev.soracommock.api.sandbox.OperationCatalog.operations();
            case ESIM -> dev.soracommock.api.esim.OperationCatalog.operations();
            case MOCK -> dev.soracommock.api.mock.OperationCatalog.operations();
        };
        return ops.stream().filter(op -> op != OperationSpec.END).toList();
    }
}
