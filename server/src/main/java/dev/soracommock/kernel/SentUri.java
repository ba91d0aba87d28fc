package dev.soracommock.kernel;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The request's path as the client sent it, which a URL given back to the client must use (a redirect, the next
 * page's link), also when a step of the pipeline routed the request by another (a Harvest Files path, whose slashes
 * are routed as one path parameter).
 */
public final class SentUri {

    /** The request attribute a step that reroutes a request sets to the path as sent. */
    public static final String ATTRIBUTE = SentUri.class.getName();

    private SentUri() {
    }

    public static String of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String sent ? sent : request.getRequestURI();
    }
}
