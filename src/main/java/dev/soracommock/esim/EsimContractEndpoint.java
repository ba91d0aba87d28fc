package dev.soracommock.esim;

import dev.soracommock.contract.Contract;
import dev.soracommock.contract.ContractDocuments;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The eSIM Commerce contract under its own base path (it is also at {@code /openapi/esim-commerce-sandbox-api.yaml}). */
@RestController
class EsimContractEndpoint {

    @GetMapping("/esim-commerce/v1/openapi.yaml")
    ResponseEntity<String> contract() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml"))
                .body(ContractDocuments.text(Contract.ESIM));
    }
}
