package dev.soracommock.contract;

import java.util.List;

/** The contracts this server serves, each generated into its own package and served from {@code /openapi/}. */
public enum Contract {
    SORACOM("soracom-api.yaml", "/v1", dev.soracommock.api.soracom.OperationCatalog.CONTRACT_VERSION),
    SANDBOX("soracom-sandbox-api.yaml", "/v1", dev.soracommock.api.sandbox.OperationCatalog.CONTRACT_VERSION),
    ESIM("esim-commerce-sandbox-api.yaml", "/esim-commerce/v1", dev.soracommock.api.esim.OperationCatalog.CONTRACT_VERSION);

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

    /** The contract whose base path the request path is under ({@code /esim-commerce/…}); the Soracom API otherwise. */
    public static Contract ofPath(String path) {
        return path != null && path.startsWith("/esim-commerce/") ? ESIM : SORACOM;
    }

    public String version() {
        return version;
    }

    List<OperationSpec> operations() {
        List<OperationSpec> ops = switch (this) {
            case SORACOM -> dev.soracommock.api.soracom.OperationCatalog.operations();
            case SANDBOX -> dev.soracommock.api.sandbox.OperationCatalog.operations();
            case ESIM -> dev.soracommock.api.esim.OperationCatalog.operations();
        };
        return ops.stream().filter(op -> op != OperationSpec.END).toList();
    }
}
