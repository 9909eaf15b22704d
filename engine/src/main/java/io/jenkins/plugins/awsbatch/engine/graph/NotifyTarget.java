package io.jenkins.plugins.awsbatch.engine.graph;

import java.util.List;

/** One notification target: exactly one of slack, email, sns. Secrets are referenced, never inlined. */
public record NotifyTarget(Slack slack, Email email, Sns sns) {

    /** Incoming webhook; the URL comes from an environment variable (or, in Jenkins, a credential). */
    public record Slack(String webhookUrlEnv, String credentialsId, String channel) {}

    /** SMTP mail; the password comes from an environment variable (or the Jenkins Mailer configuration). */
    public record Email(
            List<String> to,
            String from,
            String smtpHost,
            Integer smtpPort,
            String security,
            String username,
            String passwordEnv) {}

    public record Sns(String topicArn) {}
}
