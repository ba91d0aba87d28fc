package floor;

import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** One JSON route reading one row: what a first answer needs of the stack, with none of the emulator's own work. */
@SpringBootApplication
@RestController
public class App {

    private final JdbcClient jdbc;

    App(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static void main(String[] args) {
        SpringApplication.run(App.class, args);
    }

    @PostMapping("/v1/auth")
    Map<String, Object> auth() {
        List<String> ids = jdbc.sql("select operator_id from operator").query(String.class).list();
        return Map.of("apiKey", "api-key", "operatorId", ids.isEmpty() ? "" : ids.get(0));
    }

    /** A read under load: one query, its rows as JSON (bench/floor/run's throughput line). */
    @GetMapping("/v1/subscribers")
    List<Map<String, Object>> rows() {
        return jdbc.sql("select * from operator").query().listOfRows();
    }
}
