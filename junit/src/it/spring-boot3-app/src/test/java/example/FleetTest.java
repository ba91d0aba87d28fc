package example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.junit.SoracomMock;
import dev.soracommock.junit.SoracomMockOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@SoracomMock
class FleetTest {

    @Autowired
    Fleet fleet;

    @Test
    void aNewOperatorHasNoSims(SoracomMockOperator op) {
        assertThat(fleet.subscribers(op.endpoint(), op.apiKey(), op.token())).isEmpty();
    }
}
