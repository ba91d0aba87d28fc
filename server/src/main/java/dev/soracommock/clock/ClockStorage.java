package dev.soracommock.clock;

import dev.soracommock.config.SharedState;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chooses, once at start-up, where the clock's setting lives ({@link SharedState}): in memory (the default on the
 * emulator's own H2; nothing on the request path) or in the database, read once when a request starts by the
 * pipeline's first step ({@link SharedClockStep}).
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
}
