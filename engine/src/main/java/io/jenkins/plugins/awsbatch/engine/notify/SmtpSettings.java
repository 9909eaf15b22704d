package io.jenkins.plugins.awsbatch.engine.notify;

import java.util.List;
import java.util.Objects;

/**
 * Where and how mail is sent. {@link #toString()} shows no password.
 *
 * @param password null without authentication
 * @param to       recipients, at least one
 */
public record SmtpSettings(
        String host, int port, SmtpSecurity security, String username, Secret password, String from, List<String> to) {
    public static final String DEFAULT_FROM = "batchgraph@localhost";

    public SmtpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("email needs an SMTP host (smtpHost)");
        }
        Objects.requireNonNull(security, "security");
        if (port <= 0 || port > 65535) {
            port = security.defaultPort();
        }
        if (to == null || to.isEmpty()) {
            throw new IllegalArgumentException("email needs at least one recipient (to)");
        }
        to = List.copyOf(to);
        from = from == null || from.isBlank() ? DEFAULT_FROM : from;
    }

    /** "email to ops@example.com via smtp.example.com:587 (STARTTLS)": safe to print. */
    public String describe() {
        return "email to " + String.join(", ", to) + " via " + host + ":" + port + " (" + security + ")";
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + describe() + ", from=" + from + ", username=" + username + ", password="
                + (password == null ? "none" : password) + "]";
    }
}
