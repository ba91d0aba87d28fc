package dev.soracommock.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Checks every answer an emulator started in the test JVM gives (the shared test context, instances a test starts,
 * the in-process JUnit extension), whatever client the test uses: the answer is held until {@link AnswerCheck} has
 * judged it and the verdict is in {@link ContractConformance}, so a test never sees an answer whose violation has
 * not been counted. Registered by {@link ContractCheckConfiguration}, first of all filters.
 */
final class ContractCheckFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (!AnswerCheck.applies(path)) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, held);
        } finally {
            int status = held.getStatus();
            if (AnswerCheck.checked(status)) {
                List<String> problems;
                try {
                    problems = AnswerCheck.problems(request.getMethod(), path, status, held.getContentType(),
                            held.getContentAsByteArray());
                } catch (RuntimeException e) {
                    problems = List.of("the check failed: " + e);
                }
                ContractConformance.checked(status, problems, request.getMethod() + " " + path);
            }
            // a HEAD answer declares the Content-Length of a body it does not send (Harvest Files' getFileMetadata):
            // the wrapper would replace it with the length of what it held, nothing
            String declared = "HEAD".equals(request.getMethod()) ? held.getHeader("Content-Length") : null;
            held.copyBodyToResponse();
            if (declared != null && !response.isCommitted()) {
                response.setHeader("Content-Length", declared);
            }
        }
    }
}
