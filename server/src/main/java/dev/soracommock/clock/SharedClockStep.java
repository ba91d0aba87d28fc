package dev.soracommock.clock;

import dev.soracommock.kernel.PipelineStep;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The pipeline's clock step: when instances share the database ({@link DatabaseClockStore}), the clock's row is read
 * once as a request starts and the whole request — credentials, rate-limit window, timestamps — uses that reading.
 * With the clock in memory it passes the request on and reads nothing.
 */
@Component
class SharedClockStep extends OncePerRequestFilter implements PipelineStep, Ordered {

    private final DatabaseClockStore shared;

    SharedClockStep(ClockStore store) {
        this.shared = store instanceof DatabaseClockStore d ? d : null;
    }

    @Override
    public Stage stage() {
        return Stage.CLOCK;
    }

    @Override
    public int getOrder() {
        return stage().filterOrder();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (shared == null) {
            chain.doFilter(request, response);
            return;
        }
        shared.pin();
        try {
            chain.doFilter(request, response);
        } finally {
            shared.unpin();
        }
    }
}
