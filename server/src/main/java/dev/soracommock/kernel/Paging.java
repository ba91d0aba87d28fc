package dev.soracommock.kernel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The one paging mechanism. In: {@code limit} and {@code last_evaluated_key} (the key of the last item of the
 * previous page). Out: a bare JSON array and, when more items follow, {@code x-soracom-next-key: <key>} (what
 * soracom-cli follows) and {@code Link: <absolute URL with last_evaluated_key and limit>; rel=next} (what the Go SDK
 * parses); neither on the last page.
 */
public final class Paging {

    public static final String NEXT_KEY_HEADER = "x-soracom-next-key";

    private Paging() {
    }

    /**
     * What a repository is asked for: items after {@code after} (exclusive), at most {@code limit}, or all when
     * {@code limit} is null. Fetch {@link #fetchSize()} items to know whether another page follows.
     */
    public record PageRequest(String after, Integer limit) {

        public static PageRequest of(Integer limit, String lastEvaluatedKey, int maxLimit) {
            Integer effective = limit == null ? null : Math.max(1, Math.min(limit, maxLimit));
            String after = lastEvaluatedKey == null || lastEvaluatedKey.isEmpty() ? null : lastEvaluatedKey;
            return new PageRequest(after, effective);
        }

        /** One more than the page, to see whether another page follows; {@link Integer#MAX_VALUE} for "all". */
        public int fetchSize() {
            return limit == null ? Integer.MAX_VALUE : limit + 1;
        }
    }

    /**
     * The SQL of a keyset page's limit ({@link PageRequest#fetchSize()}), a fixed fragment with the named parameter
     * {@code :fetchSize} for the store to bind: none for "all" ({@link Integer#MAX_VALUE}).
     */
    public static String fetchFirst(int fetchSize) {
        return fetchSize == Integer.MAX_VALUE ? "" : " fetch first :fetchSize rows only";
    }

    /** A page of items, and the key to continue after (null on the last page). */
    public record Page<T>(List<T> items, String nextKey) {

        /**
         * Cuts a fetched list (up to {@code fetchSize()} items) to the page and works out its next key.
         */
        public static <T> Page<T> of(List<T> fetched, PageRequest request, java.util.function.Function<T, String> key) {
            if (request.limit() == null || fetched.size() <= request.limit()) {
                return new Page<>(fetched, null);
            }
            List<T> page = fetched.subList(0, request.limit());
            return new Page<>(page, key.apply(page.get(page.size() - 1)));
        }
    }

    private static jakarta.servlet.http.HttpServletRequest currentRequest() {
        return ((org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    /** 200 with the page's items and, unless it is the last page, the next-page headers. */
    public static <T, R> ResponseEntity<List<R>> ok(Page<T> page, java.util.function.Function<T, R> mapper,
            PageRequest request) {
        return ResponseEntity.ok().headers(nextPageHeaders(page, request)).body(page.items().stream().map(mapper).toList());
    }

    /**
     * The next-page headers ({@code x-soracom-next-key}, {@code Link}) of a page, none on the last page: for answers
     * whose body wraps the items in an object.
     */
    public static org.springframework.http.HttpHeaders nextPageHeaders(Page<?> page, PageRequest request) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        if (page.nextKey() != null) {
            // every reserved character percent-encoded, spaces as %20 and '+' as %2B, so that URI decoders and form
            // decoders (Go's url.ParseQuery in the Go SDK, Tomcat) read the same key back
            // the path as sent (a Harvest Files path is routed with its slashes encoded: SentUri)
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replacePath(SentUri.of(currentRequest()))
                    .replaceQueryParam("last_evaluated_key", URLEncoder.encode(page.nextKey(), StandardCharsets.UTF_8).replace("+", "%20"))
                    .replaceQueryParam("limit", request.limit())
                    .build(true)
                    .toUriString();
            headers.set(NEXT_KEY_HEADER, page.nextKey());
            headers.set("Link", "<" + next + ">; rel=next");
        }
        return headers;
    }
}
