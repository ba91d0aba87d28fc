package dev.soracommock.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.kernel.Paging.Page;
import dev.soracommock.kernel.Paging.PageRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The paging mechanism as a client sees it: soracom-cli follows {@code x-soracom-next-key}, the Go SDK parses the
 * absolute URL in {@code Link: <…>; rel=next} and reads {@code last_evaluated_key} from it (soracom-facts §1.8).
 */
class PagingTest {

    private static final Pattern LINK = Pattern.compile("^<([^>]+)>; rel=next$");

    @AfterEach
    void unbind() {
        RequestContextHolder.resetRequestAttributes();
    }

    /** Binds a GET request for {@code path?query} as the current request. */
    private static void currentRequest(String path, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (query != null) {
            request.setQueryString(query);
            UriComponentsBuilder.fromUriString("?" + query).build().getQueryParams()
                    .forEach((name, values) -> values.forEach(v -> request.addParameter(name,
                            UriUtils.decode(v == null ? "" : v, StandardCharsets.UTF_8))));
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    /** What a repository does: items after {@code request.after()}, at most {@code fetchSize()}. */
    private static List<String> fetch(List<String> all, PageRequest request) {
        int from = request.after() == null ? 0 : all.indexOf(request.after()) + 1;
        return all.stream().skip(from).limit(request.fetchSize()).toList();
    }

    private static ResponseEntity<List<String>> page(List<String> all, Integer limit, String lastEvaluatedKey) {
        PageRequest request = PageRequest.of(limit, lastEvaluatedKey, 100);
        Page<String> page = Page.of(fetch(all, request), request, Function.identity());
        return Paging.ok(page, Function.identity(), request);
    }

    /** The URL of the Link header, checked to be an absolute URL in the form the Go SDK parses. */
    private static URI linkUrl(ResponseEntity<?> response) {
        List<String> links = response.getHeaders().get("Link");
        assertThat(links).as("Link headers").hasSize(1);
        Matcher m = LINK.matcher(links.get(0));
        assertThat(m.matches()).as("Link header %s has the form <url>; rel=next", links.get(0)).isTrue();
        URI uri = URI.create(m.group(1));
        assertThat(uri.isAbsolute()).as("absolute URL").isTrue();
        return uri;
    }

    /** A query parameter's decoded value(s), as a client reads it from the Link URL. */
    private static List<String> queryParam(URI uri, String name) {
        return UriComponentsBuilder.fromUri(uri).build().getQueryParams().getOrDefault(name, List.of()).stream()
                .map(v -> UriUtils.decode(v, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void aFirstPageHasTheLimitsItemsAndPointsAfterItsLastItem() {
        currentRequest("/v1/x", "limit=2");
        List<String> all = List.of("k1", "k2", "k3", "k4", "k5");

        ResponseEntity<List<String>> r = page(all, 2, null);

        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getBody()).containsExactly("k1", "k2");
        assertThat(r.getHeaders().get(Paging.NEXT_KEY_HEADER)).containsExactly("k2");
        assertThat(r.getHeaders().getFirst("Link"))
                .isEqualTo("<http://localhost/v1/x?last_evaluated_key=k2&limit=2>; rel=next");
        URI next = linkUrl(r);
        assertThat(next.getScheme() + "://" + next.getRawAuthority() + next.getRawPath()).isEqualTo("http://localhost/v1/x");
        assertThat(queryParam(next, "last_evaluated_key")).containsExactly("k2");
        assertThat(queryParam(next, "limit")).containsExactly("2");
    }

    @Test
    void followingTheLinkWalksEveryItemOnceAndTheLastPageHasNoHeaders() {
        List<String> all = List.of("k1", "k2", "k3", "k4", "k5");
        currentRequest("/v1/x", "limit=2");
        ResponseEntity<List<String>> first = page(all, 2, null);

        URI second = linkUrl(first);
        currentRequest("/v1/x", second.getRawQuery());
        ResponseEntity<List<String>> r2 = page(all, 2, queryParam(second, "last_evaluated_key").get(0));
        assertThat(r2.getBody()).containsExactly("k3", "k4");
        assertThat(r2.getHeaders().get(Paging.NEXT_KEY_HEADER)).containsExactly("k4");

        URI third = linkUrl(r2);
        assertThat(queryParam(third, "last_evaluated_key")).containsExactly("k4");
        assertThat(queryParam(third, "limit")).as("limit kept once, not appended").containsExactly("2");
        currentRequest("/v1/x", third.getRawQuery());
        ResponseEntity<List<String>> r3 = page(all, 2, "k4");
        assertThat(r3.getBody()).containsExactly("k5");
        assertThat(r3.getHeaders().containsHeader(Paging.NEXT_KEY_HEADER)).isFalse();
        assertThat(r3.getHeaders().containsHeader("Link")).isFalse();
    }

    @Test
    void aPageThatEndsExactlyAtTheLastItemHasNoHeaders() {
        currentRequest("/v1/x", "limit=2&last_evaluated_key=k2");

        ResponseEntity<List<String>> r = page(List.of("k1", "k2", "k3", "k4"), 2, "k2");

        assertThat(r.getBody()).containsExactly("k3", "k4");
        assertThat(r.getHeaders().containsHeader(Paging.NEXT_KEY_HEADER)).isFalse();
        assertThat(r.getHeaders().containsHeader("Link")).isFalse();
    }

    @Test
    void withoutALimitEverythingComesBackWithoutHeaders() {
        currentRequest("/v1/x", null);
        List<String> all = List.of("k1", "k2", "k3", "k4", "k5");

        ResponseEntity<List<String>> r = page(all, null, null);

        assertThat(r.getBody()).containsExactlyElementsOf(all);
        assertThat(r.getHeaders().containsHeader(Paging.NEXT_KEY_HEADER)).isFalse();
        assertThat(r.getHeaders().containsHeader("Link")).isFalse();
    }

    @Test
    void anEmptyListIsAnEmptyPageWithoutHeaders() {
        currentRequest("/v1/x", "limit=2");

        ResponseEntity<List<String>> r = page(List.of(), 2, null);

        assertThat(r.getBody()).isEmpty();
        assertThat(r.getHeaders().containsHeader("Link")).isFalse();
    }

    @Test
    void theLinkKeepsTheRequestsOtherQueryParameters() {
        currentRequest("/v1/subscribers", "tag_name=room&tag_value=a%20b&status_filter=active%7Cinactive&limit=2");

        ResponseEntity<List<String>> r = page(List.of("k1", "k2", "k3"), 2, null);

        URI next = linkUrl(r);
        assertThat(next.getRawPath()).isEqualTo("/v1/subscribers");
        assertThat(queryParam(next, "tag_name")).containsExactly("room");
        assertThat(queryParam(next, "tag_value")).containsExactly("a b");
        assertThat(queryParam(next, "status_filter")).containsExactly("active|inactive");
        assertThat(queryParam(next, "limit")).containsExactly("2");
        assertThat(queryParam(next, "last_evaluated_key")).containsExactly("k2");
    }

    @Test
    void theLinkCarriesTheServersHostAndPort() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/x");
        request.setServerName("mock.example");
        request.setServerPort(8080);
        request.setQueryString("limit=1");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        URI next = linkUrl(page(List.of("k1", "k2"), 1, null));

        assertThat(next.getScheme()).isEqualTo("http");
        assertThat(next.getHost()).isEqualTo("mock.example");
        assertThat(next.getPort()).isEqualTo(8080);
    }

    @Test
    void aKeyWithReservedCharactersIsPercentEncodedInTheLink() {
        currentRequest("/v1/x", "limit=1");
        String key = "a b&c=d/é?#%";

        ResponseEntity<List<String>> r = page(List.of(key, "z"), 1, null);

        assertThat(r.getHeaders().get(Paging.NEXT_KEY_HEADER)).containsExactly(key);
        URI next = linkUrl(r);
        String rawQuery = next.getRawQuery();
        assertThat(rawQuery).doesNotContain(" ", "é", "#").contains("last_evaluated_key=");
        assertThat(queryParam(next, "last_evaluated_key")).containsExactly(key);
        assertThat(queryParam(next, "limit")).containsExactly("1");
    }

    @Test
    void aPlusInAKeyIsPercentEncodedSoFormDecodingClientsReadItBack() {
        // Go's url.ParseQuery (Go SDK) and Tomcat's parameter parsing both read '+' in a query as a space
        currentRequest("/v1/x", "limit=1");

        URI next = linkUrl(page(List.of("user+tag@example.com", "z"), 1, null));

        assertThat(next.getRawQuery()).contains("last_evaluated_key=user%2Btag").doesNotContain("user+tag");
    }

    @Test
    void pageRequestClampsTheLimit() {
        assertThat(PageRequest.of(0, null, 100).limit()).isEqualTo(1);
        assertThat(PageRequest.of(-5, null, 100).limit()).isEqualTo(1);
        assertThat(PageRequest.of(1, null, 100).limit()).isEqualTo(1);
        assertThat(PageRequest.of(100, null, 100).limit()).isEqualTo(100);
        assertThat(PageRequest.of(1024, null, 100).limit()).isEqualTo(100);
        assertThat(PageRequest.of(null, null, 100).limit()).isNull();
    }

    @Test
    void pageRequestTreatsAnEmptyKeyAsTheStart() {
        assertThat(PageRequest.of(10, "", 100).after()).isNull();
        assertThat(PageRequest.of(10, null, 100).after()).isNull();
        assertThat(PageRequest.of(10, "k3", 100).after()).isEqualTo("k3");
    }

    @Test
    void pageRequestFetchesOneMoreThanTheLimitToSeeWhetherAPageFollows() {
        assertThat(PageRequest.of(10, null, 100).fetchSize()).isEqualTo(11);
        assertThat(PageRequest.of(null, null, 100).fetchSize()).isEqualTo(Integer.MAX_VALUE);
    }
}
