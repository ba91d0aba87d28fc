package dev.soracommock;

import dev.soracommock.config.MockProperties;
import dev.soracommock.contract.ContractDocuments;
import dev.soracommock.contract.RequestValidator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(MockProperties.class)
public class SoracomMockApplication {

    public static void main(String[] args) {
        // the contracts parsed and their request validators built on a second thread while Spring starts (ADR 0003)
        ContractDocuments.parseInBackground(RequestValidator::prepare);
        SpringApplication.run(SoracomMockApplication.class, args);
    }
}
