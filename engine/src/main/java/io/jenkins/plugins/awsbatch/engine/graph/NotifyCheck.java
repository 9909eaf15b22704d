package io.jenkins.plugins.awsbatch.engine.graph;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.regex.Pattern;

/** Static rules of the {@code notify:} block: one kind per target, addresses mail servers accept, named secrets. */
final class NotifyCheck {
    private static final Pattern TOPIC_ARN =
            Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?");

    private NotifyCheck() {}

    static void check(NotifySpec notify, List<GraphError> errors) {
        if (notify == null) {
            return;
        }
        targets(notify.onFailure(), "notify.onFailure", errors);
        targets(notify.onUnstable(), "notify.onUnstable", errors);
        targets(notify.onSuccess(), "notify.onSuccess", errors);
    }

    private static void targets(List<NotifyTarget> targets, String path, List<GraphError> errors) {
        for (int i = 0; i < targets.size(); i++) {
            target(targets.get(i), path + "[" + i + "]", errors);
        }
    }

    private static void target(NotifyTarget target, String path, List<GraphError> errors) {
        int kinds = target == null
                ? 0
                : (target.slack() != null ? 1 : 0) + (target.email() != null ? 1 : 0) + (target.sns() != null ? 1 : 0);
        if (kinds != 1) {
            errors.add(new GraphError(
                    path,
                    "a target must be exactly one of slack, email, sns, found " + kinds,
                    "write e.g. {email: {to: [ops@example.com]}}"));
            return;
        }
        if (target.slack() != null) {
            String env = target.slack().webhookUrlEnv();
            if (env != null && !EnvironmentNames.isValid(env)) {
                errors.add(new GraphError(
                        path + ".slack.webhookUrlEnv",
                        "'" + env + "' is not an environment variable name",
                        "name the variable that holds the webhook URL, e.g. SLACK_WEBHOOK_URL"));
            }
        } else if (target.email() != null) {
            email(target.email(), path + ".email", errors);
        } else if (target.sns().topicArn() == null
                || !TOPIC_ARN.matcher(target.sns().topicArn()).matches()) {
            errors.add(new GraphError(
                    path + ".sns.topicArn",
                    "'" + target.sns().topicArn() + "' is not an SNS topic ARN",
                    "write arn:aws:sns:REGION:ACCOUNT:TOPIC"));
        }
    }

    private static void email(NotifyTarget.Email email, String path, List<GraphError> errors) {
        if (email.to() == null || email.to().isEmpty()) {
            errors.add(new GraphError(
                    path + ".to", "an email target needs at least one address", "add to: [ops@example.com]"));
        } else {
            for (int i = 0; i < email.to().size(); i++) {
                address(email.to().get(i), path + ".to[" + i + "]", errors);
            }
        }
        if (email.from() != null) {
            address(email.from(), path + ".from", errors);
        }
        if (email.smtpPort() != null && (email.smtpPort() < 1 || email.smtpPort() > 65535)) {
            errors.add(new GraphError(
                    path + ".smtpPort",
                    "port must be between 1 and 65535, got " + email.smtpPort(),
                    "use 587 (STARTTLS), 465 (TLS) or 25"));
        }
        if (email.security() != null
                && !email.security().isBlank()
                && !List.of("none", "plain", "starttls", "tls", "ssl", "smtps")
                        .contains(email.security().trim().toLowerCase(java.util.Locale.ROOT))) {
            errors.add(new GraphError(
                    path + ".security", "unknown security '" + email.security() + "'", "use none, starttls or tls"));
        }
        if (email.passwordEnv() != null && !EnvironmentNames.isValid(email.passwordEnv())) {
            errors.add(new GraphError(
                    path + ".passwordEnv",
                    "'" + email.passwordEnv() + "' is not an environment variable name",
                    "name the variable that holds the SMTP password, e.g. SMTP_PASSWORD"));
        }
    }

    private static void address(String address, String path, List<GraphError> errors) {
        try {
            if (address == null || address.isBlank()) {
                throw new AddressException("empty address");
            }
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            if (!parsed.getAddress().contains("@")) {
                throw new AddressException("no domain");
            }
        } catch (AddressException e) {
            errors.add(new GraphError(
                    path,
                    "'" + address + "' is not an email address (" + e.getMessage() + ")",
                    "write user@example.com"));
        }
    }
}
