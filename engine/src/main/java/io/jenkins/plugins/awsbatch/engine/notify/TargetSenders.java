package io.jenkins.plugins.awsbatch.engine.notify;

import io.jenkins.plugins.awsbatch.engine.graph.NotifyTarget;
import java.net.http.HttpClient;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The engine's {@link SenderFactory}. Secrets come from the environment ({@code webhookUrlEnv},
 * {@code passwordEnv}) or, for a Slack {@code credentialsId}, from a lookup its caller provides (the Jenkins
 * plugin resolves a {@code StringCredentials}); an email target's missing fields come from SMTP defaults (the
 * Mailer plugin's configuration in Jenkins). Nothing is resolved until a message is actually sent.
 */
public final class TargetSenders implements SenderFactory {
    public static final String DEFAULT_SLACK_ENV = "SLACK_WEBHOOK_URL";

    private final Function<String, String> env;
    private final Function<String, Secret> credentials;
    private final SmtpDefaults smtpDefaults;
    private final SnsClients sns;
    private final Supplier<HttpClient> http;

    private TargetSenders(Builder b) {
        this.env = b.env;
        this.credentials = b.credentials;
        this.smtpDefaults = b.smtpDefaults;
        this.sns = b.sns;
        this.http = b.http;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Fallbacks for email fields a target leaves out.
     *
     * @param passwordEnv environment variable holding the password, when {@code password} is null
     */
    public record SmtpDefaults(
            String host,
            Integer port,
            String security,
            String username,
            Secret password,
            String passwordEnv,
            String from) {
        public static final SmtpDefaults NONE = new SmtpDefaults(null, null, null, null, null, null, null);

        @Override
        public String toString() {
            return "SmtpDefaults[host=" + host + ", port=" + port + ", security=" + security + ", username=" + username
                    + ", password=" + (password == null ? "none" : password) + "]";
        }
    }

    @Override
    public NotificationSender create(NotifyTarget target) throws NotificationException {
        if (target == null) {
            throw new NotificationException("empty notification target");
        }
        int kinds =
                (target.slack() != null ? 1 : 0) + (target.email() != null ? 1 : 0) + (target.sns() != null ? 1 : 0);
        if (kinds != 1) {
            throw new NotificationException(
                    SenderFactory.describe(target) + ": a target must be exactly one of slack, email, sns");
        }
        try {
            if (target.slack() != null) {
                return slack(target.slack());
            }
            if (target.email() != null) {
                return email(target.email());
            }
            return sns(target.sns());
        } catch (IllegalArgumentException e) {
            // our own validation messages: they name fields, never values of secrets
            throw new NotificationException(SenderFactory.describe(target) + ": " + e.getMessage());
        }
    }

    private NotificationSender slack(NotifyTarget.Slack slack) throws NotificationException {
        Secret url;
        if (slack.credentialsId() != null && !slack.credentialsId().isBlank()) {
            url = credentials.apply(slack.credentialsId());
            if (url == null) {
                throw new NotificationException("Slack webhook (credentials '" + slack.credentialsId() + "'): "
                        + "no such secret text credentials here (credentialsId is resolved in Jenkins; "
                        + "outside it use webhookUrlEnv)");
            }
        } else {
            String var = slack.webhookUrlEnv() == null || slack.webhookUrlEnv().isBlank()
                    ? DEFAULT_SLACK_ENV
                    : slack.webhookUrlEnv();
            url = fromEnv(var, "Slack webhook (from " + var + ")");
        }
        return new SlackSender(url, slack.channel(), http.get());
    }

    private NotificationSender email(NotifyTarget.Email email) throws NotificationException {
        String host = first(email.smtpHost(), smtpDefaults.host());
        Integer portValue = email.smtpPort() != null ? email.smtpPort() : smtpDefaults.port();
        int port = portValue == null ? 0 : portValue;
        SmtpSecurity security = SmtpSecurity.parse(first(email.security(), smtpDefaults.security()), port);
        String username = first(email.username(), smtpDefaults.username());
        Secret password = null;
        if (email.passwordEnv() != null && !email.passwordEnv().isBlank()) {
            password = fromEnv(
                    email.passwordEnv(),
                    "email to " + recipients(email) + " (password from " + email.passwordEnv() + ")");
        } else if (smtpDefaults.password() != null) {
            password = smtpDefaults.password();
        } else if (smtpDefaults.passwordEnv() != null) {
            password = fromEnv(
                    smtpDefaults.passwordEnv(),
                    "email to " + recipients(email) + " (password from " + smtpDefaults.passwordEnv() + ")");
        }
        if (password != null && username == null) {
            throw new NotificationException("email to " + recipients(email) + ": a password is set but no username");
        }
        return new EmailSender(new SmtpSettings(
                host, port, security, username, password, first(email.from(), smtpDefaults.from()), email.to()));
    }

    private NotificationSender sns(NotifyTarget.Sns target) throws NotificationException {
        if (sns == null) {
            throw new NotificationException("SNS topic " + target.topicArn() + ": no AWS clients for notifications");
        }
        return new SnsSender(sns, target.topicArn());
    }

    private Secret fromEnv(String var, String what) throws NotificationException {
        String value = env.apply(var);
        if (value == null || value.isBlank()) {
            throw new NotificationException(what + ": environment variable " + var + " is not set");
        }
        return new Secret(value.trim(), var);
    }

    private static String recipients(NotifyTarget.Email email) {
        return email.to() == null ? "nobody" : String.join(", ", email.to());
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    public static final class Builder {
        private Function<String, String> env = System::getenv;
        private Function<String, Secret> credentials = id -> null;
        private SmtpDefaults smtpDefaults = SmtpDefaults.NONE;
        private SnsClients sns;
        private Supplier<HttpClient> http = () -> WebhookHttpClients.create(null);

        /** Environment lookup for {@code webhookUrlEnv} and {@code passwordEnv}; default {@link System#getenv}. */
        public Builder env(Function<String, String> v) {
            env = Objects.requireNonNull(v);
            return this;
        }
        /** Slack {@code credentialsId} → webhook URL; null when unknown. */
        public Builder credentials(Function<String, Secret> v) {
            credentials = Objects.requireNonNull(v);
            return this;
        }

        public Builder smtpDefaults(SmtpDefaults v) {
            smtpDefaults = v == null ? SmtpDefaults.NONE : v;
            return this;
        }
        /** The SNS clients (e.g. {@code awsClients::sns}); called only when an SNS target is notified. */
        public Builder sns(SnsClients v) {
            sns = v;
            return this;
        }

        public Builder http(Supplier<HttpClient> v) {
            http = Objects.requireNonNull(v);
            return this;
        }

        public Builder http(HttpClient v) {
            Objects.requireNonNull(v);
            http = () -> v;
            return this;
        }

        public TargetSenders build() {
            return new TargetSenders(this);
        }
    }
}
