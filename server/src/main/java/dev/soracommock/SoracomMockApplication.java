package dev.soracommock;

import dev.soracommock.config.MockProperties;
import dev.soracommock.contract.ContractDocuments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(MockProperties.class)
public class SoracomMockApplication {

    public static void main(String[] args) {
        ContractDocuments.parseInBackground();
        SpringApplication.run(SoracomMockApplication.class, args);
    }
}
