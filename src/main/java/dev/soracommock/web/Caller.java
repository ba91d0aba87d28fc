package dev.soracommock.web;

import java.util.List;

/**
 * Who is calling: the operator, the SAM user when the credentials are a user's, and the API key presented.
 * Domains take {@link #operatorId()} as the first argument of every repository call (tenant isolation).
 */
public record Caller(String operatorId, String userName, String apiKey, List<String> coverageTypes) {

    public boolean isRoot() {
        return userName == null;
    }
}
