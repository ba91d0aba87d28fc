package dev.soracommock.operator;

import dev.soracommock.lifecycle.BeforeServing;
import dev.soracommock.config.MockProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The operator that exists from start-up, for code that calls the production API directly (no sandbox init):
 * its e-mail, password and one auth key pair come from {@code SORACOM_MOCK_DEFAULT_OPERATOR_*} and are printed.
 */
@Component
public class DefaultOperator extends BeforeServing {

    private static final Logger log = LoggerFactory.getLogger(DefaultOperator.class);

    private final OperatorService operators;
    private final MockProperties.DefaultOperator settings;

    DefaultOperator(OperatorService operators, MockProperties properties) {
        this.operators = operators;
        this.settings = properties.defaultOperator();
    }

    @Override
    protected void prepare() {
        ensure();
    }

    /** After the seed directory (admin/SeedLoader, step 1), which loads only into an emulator without this operator. */
    @Override
    protected int step() {
        return 2;
    }

    /** Creates the default operator unless it exists (also called after a reset). */
    public void ensure() {
        if (!settings.enabled() || operators.exists(settings.operatorId()) || operators.emailExists(settings.email())) {
            return;
        }
        try {
            operators.create(settings.operatorId(), settings.email(), settings.password(), java.util.List.of("jp", "g"), true);
        } catch (org.springframework.dao.DataIntegrityViolationException raced) {
            // another instance on the same database created it between the check and the insert
            return;
        }
        operators.addAuthKey(settings.operatorId(), settings.authKeyId(), settings.authKey());
        log.info("default operator {}: email={} password={} authKeyId={} authKey={}", settings.operatorId(),
                settings.email(), settings.password(), settings.authKeyId(), settings.authKey());
    }
}
