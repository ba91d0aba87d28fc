package dev.soracommock.clock;

import dev.soracommock.config.SharedState;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Chooses, once at start-up, where the clock's setting lives ({@link SharedState}): in memory (the default on the
 * emulator's own H2; no filter, nothing on the request path) or in the database, with a filter that reads the row
 * once when a request starts (first of all filters, so that authentication and everything after it see one time).
 */
@Configuration(proxyBeanMethods = false)
class ClockStorage {

    @Bean
    ClockStore clockStore(Environment environment, ObjectProvider<JdbcTemplate> jdbc,
            ObjectProvider<PlatformTransactionManager> transactions) {
        if (!SharedState.enabled(environment)) {
            return new MemoryClockStore();
        }
        return new DatabaseClockStore(jdbc.getObject(), new TransactionTemplate(transactions.getObject()));
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sharedClockFilter(ClockStore store) {
        DatabaseClockStore shared = store instanceof DatabaseClockStore d ? d : null;
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                shared.pin();
                try {
                    chain.doFilter(request, response);
                } finally {
                    shared.unpin();
                }
            }
        });
        registration.setEnabled(shared != null); // the in-memory clock needs nothing per request: not registered
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("sharedClock");
        return registration;
    }
}
