package dev.soracommock.support;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Puts {@link ContractCheckFilter} in front of every emulator the tests start (listed in the test classpath's
 * {@code META-INF/spring/…AutoConfiguration.imports}, so no test can forget it). A test that wants answers no strict
 * client accepts ({@code SORACOM_MOCK_JSON_NULLS=emit}) turns it off with
 * {@code soracom-mock-test.contract-check=false} and says why.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "soracom-mock-test.contract-check", havingValue = "true", matchIfMissing = true)
public class ContractCheckConfiguration {

    @Bean
    FilterRegistrationBean<ContractCheckFilter> contractCheckFilter() {
        FilterRegistrationBean<ContractCheckFilter> registration = new FilterRegistrationBean<>(new ContractCheckFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
