package io.jenkins.plugins.awsbatch.notify;

import io.jenkins.plugins.awsbatch.engine.notify.Secret;
import io.jenkins.plugins.awsbatch.engine.notify.TargetSenders.SmtpDefaults;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * The Mailer plugin's SMTP configuration (Manage Jenkins › System › E-mail Notification) as fallbacks for email
 * targets that leave their own SMTP fields out. The Mailer plugin is optional and its descriptor's API changed across
 * releases (SMTP authentication moved from {@code smtpAuthUserName}/{@code smtpAuthPassword} to
 * {@code authentication}, {@code useTls} was added), so it is read by its bean getters, newest names first, with no
 * compile-time dependency: absent or unconfigured Mailer means {@link SmtpDefaults#NONE}. Nothing here throws, and
 * no message names a value.
 */
public final class MailerSmtpDefaults {
    /** {@code Descriptor.getId()} of {@code hudson.tasks.Mailer.DescriptorImpl}: its describable's class name. */
    static final String MAILER_DESCRIPTOR_ID = "hudson.tasks.Mailer";

    private static final Logger LOGGER = Logger.getLogger(MailerSmtpDefaults.class.getName());
    private static final String SOURCE = "Mailer configuration";

    private MailerSmtpDefaults() {}

    /** The running Jenkins' Mailer configuration, or {@link SmtpDefaults#NONE} without one. */
    public static SmtpDefaults fromJenkins() {
        try {
            return from(Jenkins.get().getDescriptor(MAILER_DESCRIPTOR_ID));
        } catch (RuntimeException | LinkageError e) {
            LOGGER.log(
                    Level.FINE,
                    "Mailer configuration not readable: {0}",
                    e.getClass().getName());
            return SmtpDefaults.NONE;
        }
    }

    /**
     * SMTP defaults from a Mailer descriptor (any object with its getters); {@link SmtpDefaults#NONE} when it is null
     * or names no SMTP server (Mailer then sends through the JVM's defaults, which we do not guess).
     */
    public static SmtpDefaults from(Object mailer) {
        if (mailer == null) {
            return SmtpDefaults.NONE;
        }
        String host = text(call(mailer, "getSmtpHost", "getSmtpServer"));
        if (host == null) {
            return SmtpDefaults.NONE;
        }
        Object authentication = call(mailer, "getAuthentication");
        String username = authentication != null
                ? text(call(authentication, "getUsername"))
                : text(call(mailer, "getSmtpAuthUserName"));
        Object password = authentication != null
                ? call(authentication, "getPassword")
                : call(mailer, "getSmtpAuthPasswordSecret", "getSmtpAuthPassword");
        String plainPassword = username == null ? null : plain(password);
        return new SmtpDefaults(
                host,
                port(text(call(mailer, "getSmtpPort"))),
                security(mailer),
                username,
                plainPassword == null ? null : new Secret(plainPassword, SOURCE),
                null,
                adminAddress(mailer));
    }

    /**
     * Mailer's From: the system admin address of Jenkins' location configuration (older Mailer descriptors expose it
     * as {@code getAdminAddress()}; newer ones leave it to {@code JenkinsLocationConfiguration}).
     */
    private static String adminAddress(Object mailer) {
        String fromMailer = text(call(mailer, "getAdminAddress"));
        if (fromMailer != null) {
            return fromMailer;
        }
        try {
            Class<?> location = Class.forName(
                    "jenkins.model.JenkinsLocationConfiguration",
                    true,
                    mailer.getClass().getClassLoader());
            Object configuration = location.getMethod("get").invoke(null);
            return configuration == null ? null : text(call(configuration, "getAdminAddress"));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static String security(Object mailer) {
        if (Boolean.TRUE.equals(call(mailer, "getUseSsl"))) {
            return "ssl";
        }
        if (Boolean.TRUE.equals(call(mailer, "getUseTls"))) {
            return "starttls";
        }
        return "none";
    }

    /** Mailer keeps the port as text; a value that is not a port is left out (the security's default applies). */
    private static Integer port(String value) {
        if (value == null) {
            return null;
        }
        try {
            int port = Integer.parseInt(value);
            return port > 0 && port < 65536 ? port : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code hudson.util.Secret} (by its {@code getPlainText()}) or a plain string. */
    private static String plain(Object secret) {
        if (secret == null || secret instanceof String) {
            return text(secret);
        }
        return text(call(secret, "getPlainText"));
    }

    private static String text(Object value) {
        if (!(value instanceof String s)) {
            return null;
        }
        String trimmed = s.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** The first of {@code getters} that {@code target} has, called; null when none exists or it fails. */
    private static Object call(Object target, String... getters) {
        for (String getter : getters) {
            Method method;
            try {
                method = target.getClass().getMethod(getter);
            } catch (NoSuchMethodException e) {
                continue;
            }
            try {
                return method.invoke(target);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOGGER.log(Level.FINE, "Mailer getter {0} failed: {1}", new Object[] {
                    getter, e.getClass().getName()
                });
                return null;
            }
        }
        return null;
    }
}
