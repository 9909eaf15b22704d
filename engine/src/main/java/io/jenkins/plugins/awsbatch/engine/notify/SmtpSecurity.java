package io.jenkins.plugins.awsbatch.engine.notify;

import java.util.Locale;

/** How the SMTP connection is protected. */
public enum SmtpSecurity {
    /** Plain SMTP (a relay on the local network, or a test server). */
    NONE,
    /** Plain connect, then STARTTLS, required (port 587). */
    STARTTLS,
    /** TLS from the first byte (port 465). */
    SSL;

    /** {@code none|starttls|ssl|tls}, case-insensitive; null → by port (465 SSL, 587 STARTTLS, else NONE). */
    public static SmtpSecurity parse(String value, int port) {
        if (value == null || value.isBlank()) {
            return port == 465 ? SSL : port == 587 ? STARTTLS : NONE;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "none", "plain" -> NONE;
            case "starttls" -> STARTTLS;
            case "ssl", "tls", "smtps" -> SSL;
            default ->
                throw new IllegalArgumentException("email security must be none, starttls or ssl, was '" + value + "'");
        };
    }

    public int defaultPort() {
        return switch (this) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case SSL -> 465;
        };
    }
}
