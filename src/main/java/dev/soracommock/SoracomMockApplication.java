package dev.soracommock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SoracomMockApplication {

    public static void main(String[] args) {
        SpringApplication.run(SoracomMockApplication.class, args);
    }
}
