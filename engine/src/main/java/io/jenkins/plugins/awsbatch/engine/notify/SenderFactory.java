package io.jenkins.plugins.awsbatch.engine.notify;

import io.jenkins.plugins.awsbatch.engine.graph.NotifyTarget;

/**
 * Turns a configured target into its sender, resolving secrets on the way. The engine's own is
 * {@link TargetSenders}; the Jenkins plugin configures it with its credentials lookup and Mailer defaults.
 */
@FunctionalInterface
public interface SenderFactory {

    /** @throws NotificationException when the target cannot be used (missing secret, bad setting); message is safe */
    NotificationSender create(NotifyTarget target) throws NotificationException;

    /** A safe name for a target, for when {@link #create} failed. */
    static String describe(NotifyTarget target) {
        if (target == null) {
            return "empty notification target";
        }
        if (target.slack() != null) {
            NotifyTarget.Slack s = target.slack();
            return "Slack webhook ("
                    + (s.credentialsId() != null
                            ? "credentials '" + s.credentialsId() + "'"
                            : "from "
                                    + (s.webhookUrlEnv() == null ? TargetSenders.DEFAULT_SLACK_ENV : s.webhookUrlEnv()))
                    + ")";
        }
        if (target.email() != null) {
            return "email to "
                    + (target.email().to() == null
                            ? "nobody"
                            : String.join(", ", target.email().to()));
        }
        if (target.sns() != null) {
            return "SNS topic " + target.sns().topicArn();
        }
        return "empty notification target";
    }
}
