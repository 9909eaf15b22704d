package io.jenkins.plugins.awsbatch.engine.notify;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/** Sends the message by SMTP (Jakarta Mail): plain-text and HTML alternatives, one mail to all recipients. */
public final class EmailSender implements NotificationSender {
    static final int TIMEOUT_MS = 30_000;

    private final SmtpSettings smtp;

    public EmailSender(SmtpSettings smtp) {
        this.smtp = smtp;
    }

    @Override
    public String target() {
        return smtp.describe();
    }

    @Override
    public String send(NotificationMessage message) throws NotificationException {
        Session session = Session.getInstance(properties());
        try {
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(new InternetAddress(smtp.from(), true));
            mail.setRecipients(Message.RecipientType.TO, recipients());
            mail.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            mail.setSentDate(new Date());
            mail.setContent(body(message));
            mail.saveChanges();
            try (Transport transport = session.getTransport(smtp.security() == SmtpSecurity.SSL ? "smtps" : "smtp")) {
                transport.connect(
                        smtp.host(),
                        smtp.port(),
                        smtp.username(),
                        smtp.password() == null ? null : smtp.password().value());
                transport.sendMessage(mail, mail.getAllRecipients());
            }
            return "";
        } catch (MessagingException e) {
            throw new NotificationException(target() + ": " + describe(e));
        } catch (RuntimeException e) {
            throw new NotificationException(target() + ": " + e.getClass().getSimpleName());
        }
    }

    private Properties properties() {
        String p = smtp.security() == SmtpSecurity.SSL ? "mail.smtps." : "mail.smtp.";
        Properties props = new Properties();
        props.put(p + "host", smtp.host());
        props.put(p + "port", String.valueOf(smtp.port()));
        props.put(p + "auth", String.valueOf(smtp.password() != null));
        props.put(p + "connectiontimeout", String.valueOf(TIMEOUT_MS));
        props.put(p + "timeout", String.valueOf(TIMEOUT_MS));
        props.put(p + "writetimeout", String.valueOf(TIMEOUT_MS));
        if (smtp.security() == SmtpSecurity.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (smtp.security() != SmtpSecurity.NONE) {
            props.put(p + "ssl.checkserveridentity", "true");
        }
        return props;
    }

    private InternetAddress[] recipients() throws AddressException {
        InternetAddress[] out = new InternetAddress[smtp.to().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new InternetAddress(smtp.to().get(i), true);
        }
        return out;
    }

    private static MimeMultipart body(NotificationMessage message) throws MessagingException {
        MimeMultipart alternatives = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(PlainTextMessage.render(message), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(HtmlMessage.render(message), StandardCharsets.UTF_8.name(), "html");
        // Least preferred first, as RFC 2046 wants: clients show the last part they understand.
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        return alternatives;
    }

    /** The exception's own words and those of its causes (server replies, connect errors), without the password. */
    private String describe(MessagingException e) {
        StringBuilder out = new StringBuilder(e.getClass().getSimpleName());
        Throwable t = e;
        for (int depth = 0; t != null && depth < 3; depth++, t = t.getCause()) {
            if (t.getMessage() != null) {
                out.append(depth == 0 ? ": " : "; ").append(t.getMessage().strip());
            }
        }
        String text = out.toString();
        return smtp.password() == null ? text : smtp.password().redact(text);
    }
}
