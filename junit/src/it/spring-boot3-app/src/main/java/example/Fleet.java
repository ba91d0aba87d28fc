package example;

import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

/** The application's code under test: it reads the operator's SIMs from a Soracom API endpoint. */
@Service
public class Fleet {

    private final RestClient.Builder rest;

    public Fleet(RestClient.Builder rest) {
        this.rest = rest;
    }

    public List<Map<String, Object>> subscribers(String endpoint, String apiKey, String token) {
        return rest.baseUrl(endpoint).build().get().uri("/v1/subscribers")
                .header("X-Soracom-API-Key", apiKey).header("X-Soracom-Token", token)
                .retrieve().body(new ParameterizedTypeReference<>() { });
    }

    public String createSandboxSim(String endpoint, String apiKey, String token) {
        Map<String, Object> created = rest.baseUrl(endpoint).build().post().uri("/v1/sandbox/subscribers/create")
                .header("X-Soracom-API-Key", apiKey).header("X-Soracom-Token", token)
                .body(Map.of()).retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() { });
        return (String) created.get("imsi");
    }
}
