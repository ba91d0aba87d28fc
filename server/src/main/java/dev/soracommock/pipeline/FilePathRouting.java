package dev.soracommock.pipeline;

import dev.soracommock.kernel.PipelineStep;
import dev.soracommock.kernel.SentUri;
import dev.soracommock.contract.Contract;
import dev.soracommock.contract.Operations;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Routing of the Harvest Files operations, whose {@code {path}} is a file path that spans segments as soracom-cli
 * sends it (soracom-dataplane-facts §2.3: each segment escaped, joined with {@code /}, empty segments dropped):
 * {@code PUT /v1/files/private/dir/a.txt} is putFile of {@code dir/a.txt}, {@code GET /v1/files/private/dir/} is
 * listFiles of {@code dir}, and {@code GET /v1/files/private//} ({@code soracom files list}, whose default path is
 * {@code /}) is listFiles of the root, {@code /} (the contract's default of listFiles' {@code path}).
 * <p>
 * The operations are the contract's that end in {@code /files/{scope}/{path}} or {@code /files/{scope}/{path}/}
 * (getFile, getFileMetadata, putFile, deleteFile, listFiles, deleteDirectory). Their routes, generated from the
 * contract, take one segment for {@code {path}}; this step, before routing, hands on such a request with the file
 * path as that one segment, its slashes percent-encoded ({@code /v1/files/private/dir%2Fa.txt}), which the route
 * matches and decodes back to {@code dir/a.txt}. A request with a one-segment path is handed on as it is; so is any
 * other {@code /files/…} route ({@code /files/exported/{id}}), recognised by its literal segment. The request journal
 * and log see the request as sent (they read the container's request, not this view of it). A device's upload
 * through the control API, {@code PUT /_mock/sims/{sim_id}/harvest-files/{path}}, is routed the same way.
 */
@Component
class FilePathRouting extends OncePerRequestFilter implements PipelineStep, Ordered {

    @Override
    public Stage stage() {
        return Stage.FILE_PATHS;
    }

    @Override
    public int getOrder() {
        return stage().filterOrder();
    }

    private static final String FILES = Contract.SORACOM.basePath() + "/files/";

    /** Second segments of the other {@code /files/…} routes (e.g. {@code exported}): not a scope. */
    private final Set<String> literals = new TreeSet<>();

    FilePathRouting(Operations operations) {
        for (Operations.Entry e : operations.all()) {
            String path = e.spec().path();
            if (e.contract() == Contract.SORACOM && path.startsWith("/files/")) {
                String second = path.substring("/files/".length()).split("/", 2)[0];
                if (!second.startsWith("{")) {
                    literals.add(second);
                }
            }
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String routed = route(request.getRequestURI());
        if (routed != null) {
            request.setAttribute(SentUri.ATTRIBUTE, request.getRequestURI());
        }
        chain.doFilter(routed == null ? request : new Routed(request, routed), response);
    }

    private static final String DEVICE_SIMS = Contract.MOCK.basePath() + "/sims/";
    private static final String DEVICE_FILES = "/harvest-files/";

    /** The URI to route the request by, or null when it is routed as sent. */
    String route(String uri) {
        if (uri != null && uri.startsWith(DEVICE_SIMS)) {
            return deviceRoute(uri);
        }
        if (uri == null || !uri.startsWith(FILES)) {
            return null;
        }
        String rest = uri.substring(FILES.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || literals.contains(rest.substring(0, slash))) {
            return null;
        }
        String scope = rest.substring(0, slash);
        String path = rest.substring(slash + 1);
        boolean directory = path.endsWith("/");
        if (directory) {
            path = path.substring(0, path.length() - 1);
        } else if (path.isEmpty()) {
            return null;
        }
        if (path.indexOf('/') < 0 && !(directory && path.isEmpty())) {
            return null; // one segment: the route takes it as it is
        }
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        // no segment left: the root, which listFiles documents as "/"
        String one = segments.isEmpty() ? "%2F" : String.join("%2F", segments);
        return FILES + scope + "/" + one + (directory ? "/" : "");
    }

    /**
     * A device's upload, {@code /_mock/sims/{sim_id}/harvest-files/{path}} (the control API's twin of
     * {@code harvest-files.soracom.io/{path}}): the file path handed on as one segment likewise, {@code %2F} for none.
     */
    private static String deviceRoute(String uri) {
        String rest = uri.substring(DEVICE_SIMS.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || !rest.startsWith(DEVICE_FILES, slash)) {
            return null;
        }
        String prefix = DEVICE_SIMS + rest.substring(0, slash) + DEVICE_FILES;
        String path = rest.substring(slash + DEVICE_FILES.length());
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        if (segments.size() == 1 && path.equals(segments.get(0))) {
            return null; // one segment: the route takes it as it is
        }
        return prefix + (segments.isEmpty() ? "%2F" : String.join("%2F", segments));
    }

    /** The request as routed: its URI (and URL) with the file path in one segment. */
    private static final class Routed extends HttpServletRequestWrapper {

        private final String uri;

        Routed(HttpServletRequest request, String uri) {
            super(request);
            this.uri = uri;
        }

        @Override
        public String getRequestURI() {
            return uri;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer(getScheme()).append("://").append(getServerName());
            int port = getServerPort();
            if (port > 0 && !(port == 80 && "http".equals(getScheme())) && !(port == 443 && "https".equals(getScheme()))) {
                url.append(':').append(port);
            }
            return url.append(uri);
        }
    }
}
