package io.jenkins.plugins.awsbatch.engine.notify;

import java.net.URI;
import java.util.Objects;

/**
 * A secret value and where it came from. Only {@link #source()} is ever shown: {@link #toString()} says
 * "secret from SLACK_WEBHOOK_URL", never the value.
 *
 * @param source what to call it in messages: {@code SLACK_WEBHOOK_URL}, {@code credentials 'slack-hook'}
 */
public record Secret(String value, String source) {
    /** Fragments this long are specific enough to be the secret part (a Slack token is 24 characters). */
    private static final int MIN_FRAGMENT = 16;

    public Secret {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }

    /** Replaces the value (and its longer fragments) in a text that may have picked it up, e.g. an exception message. */
    public String redact(String text) {
        if (text == null || value.isEmpty()) {
            return text;
        }
        String out = text.replace(value, "****");
        // HttpClient and friends may print only part of a URL (its path, or one segment), so cut those too.
        try {
            URI uri = URI.create(value.trim());
            for (String part : new String[] {uri.getRawPath(), uri.getRawQuery(), uri.getRawUserInfo()}) {
                if (part != null && part.length() > 1) {
                    out = out.replace(part, "****");
                }
            }
        } catch (IllegalArgumentException notAUri) {
            // a password: the whole value is all there is
        }
        for (String part : value.split("[/?&=:@#]+")) {
            if (part.length() >= MIN_FRAGMENT) {
                out = out.replace(part, "****");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "secret from " + source;
    }
}
