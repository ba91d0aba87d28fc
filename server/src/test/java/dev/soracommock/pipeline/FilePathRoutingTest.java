package dev.soracommock.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.contract.Operations;
import org.junit.jupiter.api.Test;

/**
 * Which requests {@link FilePathRouting} routes by a one-segment file path, and that they are exactly the contract's
 * operations whose {@code {path}} is a file path (over HTTP: ClientRequestCorpusTest's Harvest Files rows and
 * RequestLeniencyTest).
 */
class FilePathRoutingTest {

    private final Operations operations = new Operations();
    private final FilePathRouting routing = new FilePathRouting(operations);

    @Test
    void theOperationsWithAFilePathAreTheSixUnderFilesScope() {
        assertThat(operations.all()).filteredOn(e -> e.contract() == dev.soracommock.contract.Contract.SORACOM
                        && e.spec().path().contains("{path}"))
                .extracting(e -> e.spec().operationId() + " " + e.spec().method() + " " + e.spec().path())
                .containsExactlyInAnyOrder(
                        "getFile GET /files/{scope}/{path}",
                        "getFileMetadata HEAD /files/{scope}/{path}",
                        "putFile PUT /files/{scope}/{path}",
                        "deleteFile DELETE /files/{scope}/{path}",
                        "listFiles GET /files/{scope}/{path}/",
                        "deleteDirectory DELETE /files/{scope}/{path}/");
    }

    @Test
    void aPathOfSeveralSegmentsBecomesOneAndTheRootIsSlash() {
        assertThat(routing.route("/v1/files/private/dir/a.txt")).isEqualTo("/v1/files/private/dir%2Fa.txt");
        assertThat(routing.route("/v1/files/private/d%20x/%E6%97%A5/a.txt")).isEqualTo("/v1/files/private/d%20x%2F%E6%97%A5%2Fa.txt");
        assertThat(routing.route("/v1/files/private/dir/sub/")).isEqualTo("/v1/files/private/dir%2Fsub/");
        assertThat(routing.route("/v1/files/private//")).isEqualTo("/v1/files/private/%2F/");
        assertThat(routing.route("/v1/files/public/a//b/")).isEqualTo("/v1/files/public/a%2Fb/");
    }

    @Test
    void aDevicesUploadThroughTheControlApiIsRoutedTheSameWay() {
        assertThat(routing.route("/_mock/sims/8942/harvest-files/dir/a.txt")).isEqualTo("/_mock/sims/8942/harvest-files/dir%2Fa.txt");
        assertThat(routing.route("/_mock/sims/8942/harvest-files//a//b.txt")).isEqualTo("/_mock/sims/8942/harvest-files/a%2Fb.txt");
        assertThat(routing.route("/_mock/sims/8942/harvest-files/")).isEqualTo("/_mock/sims/8942/harvest-files/%2F");
        assertThat(routing.route("/_mock/sims/8942/harvest-files/a.txt")).isNull();
        assertThat(routing.route("/_mock/sims/8942/session")).isNull();
        assertThat(routing.route("/_mock/sims/8942/sms")).isNull();
        assertThat(routing.route("/_mock/sims/8942/device")).isNull();
    }

    @Test
    void everythingElseIsRoutedAsSent() {
        assertThat(routing.route("/v1/files/private/a.txt")).isNull();
        assertThat(routing.route("/v1/files/private/dir/")).isNull();
        assertThat(routing.route("/v1/files/exported/abc")).isNull();
        assertThat(routing.route("/v1/files/exported/a/b")).isNull();
        assertThat(routing.route("/v1/files")).isNull();
        assertThat(routing.route("/v1/files/private")).isNull();
        assertThat(routing.route("/v1/files/private/")).isNull();
        assertThat(routing.route("/v1/subscribers/a/b")).isNull();
    }
}
