package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import java.util.Optional;

/**
 * Reads the region out of a SigV4 credential scope ({@code <key id>/<date>/<region>/<service>/aws4_request}), from
 * the {@code Authorization} header or a presigned URL's {@code X-Amz-Credential}. The signature is not checked:
 * the local endpoint accepts any signed (or unsigned) request.
 */
final class SigV4Scope {
    private static final String CREDENTIAL = "Credential=";

    private SigV4Scope() {
    }

    static Optional<String> regionOfAuthorization(String authorization) {
        if (authorization == null || !authorization.startsWith("AWS4-")) {
            return Optional.empty();
        }
        int start = authorization.indexOf(CREDENTIAL);
        if (start < 0) {
            return Optional.empty();
        }
        start += CREDENTIAL.length();
        int end = authorization.indexOf(',', start);
        return regionOfScope(authorization.substring(start, end < 0 ? authorization.length() : end).trim());
    }

    /** {@code <key id>/<date>/<region>/<service>/aws4_request} → region. */
    static Optional<String> regionOfScope(String scope) {
        if (scope == null) {
            return Optional.empty();
        }
        String[] parts = scope.split("/");
        if (parts.length != 5 || parts[2].isBlank() || !"aws4_request".equals(parts[4])) {
            return Optional.empty();
        }
        return Optional.of(parts[2]);
    }
}
