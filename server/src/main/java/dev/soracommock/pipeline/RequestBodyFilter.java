package dev.soracommock.pipeline;

import dev.soracommock.kernel.PipelineStep;
import dev.soracommock.kernel.CachedBody;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.ErrorResponses;
import dev.soracommock.config.MockProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The request's size limits. Its request line and headers: at most {@value #HEAD_LIMIT} bytes, 400 {@code COM0008}
 * beyond (the container reads up to {@code server.max-http-request-header-size}, 32 KB, so a request a little over
 * the limit is read whole and answered in its API's form; refused by the container, the unread rest of it would make
 * the connection close with a reset that can reach the client before the answer). Its body: read once, up to the
 * configured limit (413 beyond it), so that the contract validator and the handler both see it. The request is
 * wrapped in a {@link CachedBody}, through which the request step's leniency policy ({@code contract/RequestLeniency}) replaces
 * the body and the query parameters before the validator and the handler read them.
 */
@Component
class RequestBodyFilter extends OncePerRequestFilter implements PipelineStep, Ordered {

    @Override
    public Stage stage() {
        return Stage.SIZE_LIMITS;
    }

    @Override
    public int getOrder() {
        return stage().filterOrder();
    }

    private final long maxBodyBytes;
    private final ErrorResponses errors;

    RequestBodyFilter(MockProperties properties, ErrorResponses errors) {
        this.maxBodyBytes = properties.maxBodyBytes();
        this.errors = errors;
    }

    /**
     * Bodies that are as large as the state they carry (a state document of 100 000 SIMs is over 100 MB): up to the
     * largest array Java holds, whatever the limit of the API's requests.
     */
    private static final String STATE_IMPORT = "/_mock/state";
    private static final long LARGEST = Integer.MAX_VALUE - 8;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (headSize(request) > HEAD_LIMIT) {
            errors.write(request, response, ErrorCode.VALIDATION_FAILED,
                    "the request line and headers are longer than " + HEAD_LIMIT + " bytes");
            return;
        }
        long limit = STATE_IMPORT.equals(request.getRequestURI()) ? LARGEST : maxBodyBytes;
        if (request.getContentLengthLong() > limit) {
            errors.write(request, response, ErrorCode.PAYLOAD_TOO_LARGE, limit);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), limit);
        if (body == null) {
            errors.write(request, response, ErrorCode.PAYLOAD_TOO_LARGE, limit);
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    /** 8 KB, the limit of Tomcat's defaults and of most HTTP servers and proxies; the real API's is not known. */
    static final int HEAD_LIMIT = 8 * 1024;

    /** The request line and header lines as sent, in bytes (as the container counts them, CRLFs included). */
    private static long headSize(HttpServletRequest request) {
        String query = request.getQueryString();
        long size = request.getMethod().length() + 1 + request.getRequestURI().length()
                + (query == null ? 0 : 1 + query.length()) + 1 + request.getProtocol().length() + 2 + 2;
        for (java.util.Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            for (java.util.Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
                size += name.length() + 2 + values.nextElement().length() + 2;
            }
        }
        return size;
    }

    /**
     * The whole body, or {@code null} as soon as it is longer than {@code limit}. Read in small chunks and copied once
     * at the end, so a body without Content-Length that turns out too long costs at most the limit, in small
     * allocations (not twice the limit and one contiguous array, as {@code readNBytes} would).
     */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        java.util.List<byte[]> chunks = new java.util.ArrayList<>();
        long total = 0;
        while (true) {
            byte[] chunk = new byte[CHUNK];
            int filled = 0;
            int n;
            while (filled < CHUNK && (n = in.read(chunk, filled, CHUNK - filled)) > 0) {
                filled += n;
            }
            total += filled;
            if (total > limit) {
                return null;
            }
            if (filled == 0) {
                break;
            }
            chunks.add(filled == CHUNK ? chunk : java.util.Arrays.copyOf(chunk, filled));
            if (filled < CHUNK) {
                break;
            }
        }
        byte[] body = new byte[(int) total];
        int at = 0;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, body, at, c.length);
            at += c.length;
        }
        return body;
    }

    private static final int CHUNK = 16 * 1024;
}
