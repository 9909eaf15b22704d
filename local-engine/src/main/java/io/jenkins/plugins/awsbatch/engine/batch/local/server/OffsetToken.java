package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The endpoint's own opaque {@code nextToken} for the lists it pages itself (definitions, queues, compute
 * environments, ListJobs with a created-at filter): the offset of the next page, tagged with the list it
 * belongs to so a token from another list is refused.
 */
final class OffsetToken {
    private OffsetToken() {}

    /** One page of {@code all} starting at {@code token}'s offset, and the token of the next page (null at the end). */
    record Page<T>(List<T> items, String nextToken) {}

    static <T> Page<T> page(List<T> all, String list, Integer maxResults, int defaultSize, int maxSize, String token) {
        int size = maxResults == null ? defaultSize : maxResults;
        if (size < 1 || size > maxSize) {
            throw ApiException.client("maxResults must be between 1 and " + maxSize + ", got " + size + ".");
        }
        int offset = decode(list, token);
        if (offset >= all.size()) {
            return new Page<>(List.of(), null);
        }
        int end = Math.min(all.size(), offset + size);
        return new Page<>(List.copyOf(all.subList(offset, end)), end < all.size() ? encode(list, end) : null);
    }

    static String encode(String list, int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((list + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int decode(String list, String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith(list + ":")) {
                throw ApiException.client("Invalid nextToken.");
            }
            int offset = Integer.parseInt(text.substring(list.length() + 1));
            if (offset < 0) {
                throw ApiException.client("Invalid nextToken.");
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw ApiException.client("Invalid nextToken.");
        }
    }
}
