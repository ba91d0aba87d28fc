package dev.soracommock.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest.Operator;
import dev.soracommock.support.Instance;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two emulator instances on one database share its state: what one creates the other serves, and a token one issues
 * the other accepts (the signing key is in the database, table server_secret), and a read repeated through one sees at
 * once what the other wrote. On H2 both instances are in this JVM on the same in-memory database; with {@code -Ppostgres} they share the test PostgreSQL, as two servers would.
 */
@Tag("own-emulator") // starts emulators of its own: run in a JVM of its own (pom.xml, surefire)
class TwoInstancesTest {

    @Test
    void whatOneInstanceCreatesTheOtherServesAndTokensWorkOnBoth() {
        String email = "shared-" + UUID.randomUUID() + "@example.com";
        // one H2 in this JVM counts as the emulator's own database, not a shared one: the answer cache is turned off by
        // its setting, as it is by itself on a shared database
        Map<String, Object> settings = Map.of("soracom-mock.answer-cache", "false");
        try (Instance a = Instance.start(settings); Instance b = Instance.start(settings)) {
            assertThat(a.port()).isNotEqualTo(b.port());

            Operator signedUpOnA = a.signUp(email, "p@ssw0rd-2");
            String imsi = a.registeredSim(signedUpOnA);

            assertThat(b.imsis(signedUpOnA)).containsExactly(imsi);       // A's token, on B
            Operator loggedInOnB = b.logIn(email, "p@ssw0rd-2");
            String second = b.registeredSim(loggedInOnB);
            assertThat(a.imsis(loggedInOnB)).containsExactlyInAnyOrder(imsi, second);   // B's token, on A

            // a list read through A again and again, then a SIM registered through B: A lists it at once
            for (int i = 0; i < 3; i++) {
                assertThat(a.imsis(loggedInOnB)).hasSize(2);
            }
            String third = b.registeredSim(loggedInOnB);
            assertThat(a.imsis(loggedInOnB)).containsExactlyInAnyOrder(imsi, second, third);
        }
    }
}
