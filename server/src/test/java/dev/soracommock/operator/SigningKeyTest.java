package dev.soracommock.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tokens' signing key is created once, in the database: when two instances on one database create it at the same
 * moment, the one that comes second takes the other's, and the login it was creating it for goes on. On PostgreSQL
 * (CI's rerun) a failed insert aborts its whole transaction unless it ran under a savepoint.
 */
class SigningKeyTest extends ApiTest {

    @Autowired
    TokenService tokens;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aKeyStoredMeanwhileLeavesTheCallersTransactionUsable() {
        Operator before = newOperator(); // its token was signed: the key is stored

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            // the race's second half: this instance found no key and now stores one, but another one has
            assertThat(tokens.insertKeyIfAbsent("c2Vjb25kLWtleQ==")).isFalse();
            // the transaction goes on
            assertThat(jdbc.queryForList("select secret_value from server_secret where secret_name = 'jwt-hs256'",
                    String.class)).hasSize(1).doesNotContain("c2Vjb25kLWtleQ==");
        });

        as(before).get("/v1/operators/" + before.operatorId()).then().statusCode(200);
    }
}
