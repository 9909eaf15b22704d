package io.jenkins.plugins.awsbatch.notify;

import io.jenkins.plugins.awsbatch.engine.graph.NotifyTarget;
import io.jenkins.plugins.awsbatch.engine.notify.NotificationException;
import io.jenkins.plugins.awsbatch.engine.notify.NotificationSender;
import io.jenkins.plugins.awsbatch.engine.notify.SenderFactory;
import io.jenkins.plugins.awsbatch.engine.notify.TargetSenders.SmtpDefaults;
import java.util.Locale;
import java.util.function.Function;

/**
 * Mailer's SMTP user name and password are sent only to Mailer's own server: an email target that names another
 * host, port or security (a Pipeline author's {@code smtpHost: 'anywhere', security: 'none'}) gets Mailer's
 * other defaults without its credentials, and uses its own ({@code username}, {@code passwordEnv}) if it has any.
 */
public final class MailerServerOnly implements SenderFactory {
    private final SmtpDefaults mailer;
    private final SenderFactory withMailerCredentials;
    private final SenderFactory withoutMailerCredentials;

    /** @param senders the senders for the given SMTP defaults */
    public MailerServerOnly(SmtpDefaults mailer, Function<SmtpDefaults, SenderFactory> senders) {
        this.mailer = mailer == null ? SmtpDefaults.NONE : mailer;
        this.withMailerCredentials = senders.apply(this.mailer);
        this.withoutMailerCredentials = senders.apply(new SmtpDefaults(
                this.mailer.host(), this.mailer.port(), this.mailer.security(), null, null, null, this.mailer.from()));
    }

    @Override
    public NotificationSender create(NotifyTarget target) throws NotificationException {
        NotifyTarget.Email email = target == null ? null : target.email();
        return email == null || onMailersServer(email, mailer)
                ? withMailerCredentials.create(target)
                : withoutMailerCredentials.create(target);
    }

    /** Whether the target leaves host, port and security to Mailer or names Mailer's own. */
    static boolean onMailersServer(NotifyTarget.Email email, SmtpDefaults mailer) {
        return same(email.smtpHost(), mailer.host())
                && (email.smtpPort() == null || email.smtpPort().equals(mailer.port()))
                && same(email.security(), mailer.security());
    }

    private static boolean same(String targets, String mailers) {
        if (targets == null || targets.isBlank()) {
            return true;
        }
        return mailers != null
                && targets.trim().toLowerCase(Locale.ROOT).equals(mailers.trim().toLowerCase(Locale.ROOT));
    }
}
