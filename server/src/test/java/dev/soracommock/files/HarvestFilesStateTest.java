package dev.soracommock.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Harvest files (bytes included) in the control API's state: export (base64), import, operator reset, fork. */
class HarvestFilesStateTest extends ApiTest {

    private static final byte[] BYTES = {0, 1, (byte) 0xff, (byte) 0xfe, 'h', 'i'};

    private byte[] download(Operator op, String path) {
        Response get = as(op).redirects().follow(false).get("/v1/files/private/" + path);
        assertThat(get.statusCode()).as(get.asString()).isEqualTo(302);
        String location = get.header("Location");
        return api().get(location.substring(location.indexOf("/_mock/"))).asByteArray();
    }

    @Test
    void filesAreExportedAsBase64ImportedResetAndForked() {
        Operator op = newOperator();
        as(op).contentType("application/octet-stream").body(BYTES).put("/v1/files/private/state/blob.bin")
                .then().statusCode(201);

        Response state = api().get("/_mock/state");
        state.then().statusCode(200);
        List<Map<String, Object>> rows = state.jsonPath().getList("tables.harvest_file");
        assertThat(rows).filteredOn(r -> op.operatorId().equals(r.get("operator_id")) && "/state/blob.bin"
                .equals(r.get("file_path"))).singleElement()
                .satisfies(r -> assertThat(r.get("content")).isEqualTo(Base64.getEncoder().encodeToString(BYTES)));
        assertThat(state.jsonPath().getMap("tables")).containsKey("sim_device_endpoint");

        // a fork has its own copy
        Response fork = api().contentType(ContentType.JSON).body(Map.of("count", 1))
                .post("/_mock/operators/" + op.operatorId() + "/fork");
        fork.then().statusCode(201);
        Operator copy = new Operator(fork.path("[0].operatorId"), fork.path("[0].apiKey"), fork.path("[0].token"),
                fork.path("[0].email"), fork.path("[0].password"));
        assertThat(download(copy, "state/blob.bin")).isEqualTo(BYTES);

        // an operator reset removes them; an import brings them back, bytes and all
        api().post("/_mock/operators/" + op.operatorId() + "/reset").then().statusCode(200);
        assertThat(as(op).urlEncodingEnabled(false).get("/v1/files/private/%2F/").jsonPath().getList("$")).isEmpty();
        assertThat(download(copy, "state/blob.bin")).isEqualTo(BYTES);
        api().contentType(ContentType.JSON).body(state.asByteArray()).post("/_mock/state").then().statusCode(200);
        assertThat(download(op, "state/blob.bin")).isEqualTo(BYTES);
    }
}
