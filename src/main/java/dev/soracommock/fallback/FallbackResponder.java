package dev.soracommock.fallback;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** PLACEHOLDER — being written (documented success status + contract-valid body, strict mode → 501). */
@Component
public class FallbackResponder {

    public void respond(String operationId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setStatus(501);
    }
}
