package example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.junit.SoracomMock;
import dev.soracommock.junit.SoracomMockOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

// a second class on the same emulator
@SpringBootTest
@SoracomMock
class SandboxFleetTest {

    @Autowired
    Fleet fleet;

    @Test
    void aSandboxSimIsMadeForTheOperator(SoracomMockOperator op) {
        assertThat(fleet.createSandboxSim(op.endpoint(), op.apiKey(), op.token())).startsWith("00101");
    }
}
