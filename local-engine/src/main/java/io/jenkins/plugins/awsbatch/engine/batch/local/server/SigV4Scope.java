package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an {@code Authorization} header of the form the AWS SDKs and the AWS CLI send for AWS Batch
 * ({@code AWS4-HMAC-SHA256 Credential=<key id>/<yyyymmdd>/<region>/batch/aws4_request, SignedHeaders=...;host;...,
 * Signature=<64 hex digits>}) and gives its region. The signature itself is not checked (any credentials work
 * locally); the form is what tells an SDK's call from a web page's, which cannot add this header without the
 * endpoint's consent.
 */
final class SigV4Scope {
    /** What a refused header is told to look like. */
    static final String EXPECTED_FORM = "AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/batch/aws4_request, "
            + "SignedHeaders=...;host;..., Signature=...";

    private static final Pattern AUTHORIZATION =
            Pattern.compile("AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/([0-9]{8})/([a-z0-9-]+)/batch/aws4_request\\s*,"
                    + "\\s*SignedHeaders=([a-z0-9-]+(?:;[a-z0-9-]+)*)\\s*,\\s*Signature=[0-9a-f]{64}");

    private SigV4Scope() {}

    /** The region of a well-formed SigV4 header for Batch that signs {@code host}; empty for anything else. */
    static Optional<String> regionOfAuthorization(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        Matcher m = AUTHORIZATION.matcher(authorization.trim());
        if (!m.matches() || !Arrays.asList(m.group(4).split(";")).contains("host")) {
            return Optional.empty();
        }
        return Optional.of(m.group(3));
    }
}
