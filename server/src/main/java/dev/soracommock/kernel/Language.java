package dev.soracommock.kernel;

import jakarta.servlet.http.HttpServletRequest;

/** Language of error messages, chosen by {@code X-Soracom-Lang} (en, ja); anything else means English. */
public enum Language {
    EN("en"), JA("ja");

    public static final String HEADER = "X-Soracom-Lang";

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static Language of(HttpServletRequest request) {
        String value = request.getHeader(HEADER);
        return value != null && value.trim().toLowerCase().startsWith("ja") ? JA : EN;
    }
}
