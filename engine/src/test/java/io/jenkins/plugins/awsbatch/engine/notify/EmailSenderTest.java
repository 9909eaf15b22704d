package io.jenkins.plugins.awsbatch.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.jenkins.plugins.awsbatch.engine.graph.NotifySpec;
import io.jenkins.plugins.awsbatch.engine.graph.NotifyTarget;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailSenderTest {
    private static final String PASSWORD = "smtp-PLANTED-secret-9f3k";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("ci@example.com", "ci", PASSWORD));

    private final List<String> lines = new ArrayList<>();
    private final RunListener listener = new RunListener() {
        @Override
        public void message(String line) {
            lines.add(line);
        }
    };

    private static NotifySpec onFailure(NotifyTarget.Email email) {
        return new NotifySpec(List.of(new NotifyTarget(null, email, null)), null, null);
    }

    private static NotifyTarget.Email email(String passwordEnv) {
        return new NotifyTarget.Email(
                List.of("ops@example.com", "lead@example.com"),
                "batchgraph@example.com",
                "127.0.0.1",
                SMTP.getSmtp().getPort(),
                "none",
                passwordEnv == null ? null : "ci",
                passwordEnv);
    }

    @Test
    void sendsOneMailWithTextAndHtmlToEveryRecipient() throws Exception {
        RunResult result = RunResults.failed();
        List<DeliveryResult> results = new Notifier(
                        TargetSenders.builder()
                                .env(Map.of("SMTP_PASSWORD", PASSWORD)::get)
                                .build(),
                        listener)
                .notify(result, onFailure(email("SMTP_PASSWORD")), "https://ci.example/job/x/12/");

        assertThat(results)
                .singleElement()
                .satisfies(r -> assertThat(r.delivered()).as(r.detail()).isTrue());
        MimeMessage[] received = SMTP.getReceivedMessages();
        // GreenMail keeps one copy per recipient mailbox; it is one mail with both in To.
        assertThat(received).hasSize(2);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("[batchgraph] recommendations FAILED (run " + RunResults.RUN_ID + ")");
        assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Address::toString))
                .containsExactly("ops@example.com", "lead@example.com");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("batchgraph@example.com");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text)
                .contains(
                        "recommendations FAILED: rank: 3 failed (items 5-7)",
                        "Duration: 1m 05s",
                        "item 7 [item-7] exit 137: OutOfMemoryError",
                        "| ValueError: <bad> & worse",
                        "https://ci.example/job/x/12/");
        assertThat(html)
                .contains("<table", "ValueError: &lt;bad&gt; &amp; worse", "href=\"https://ci.example/job/x/12/\"");
        assertThat(lines)
                .containsExactly("notification sent: email to ops@example.com, lead@example.com via 127.0.0.1:"
                        + SMTP.getSmtp().getPort() + " (NONE)");
        assertThat(GreenMailUtil.getWholeMessage(mail)).doesNotContain(PASSWORD);
    }

    @Test
    void aRejectedLoginIsReportedWithoutThePassword() {
        String wrong = "wrong-PLANTED-password-77";
        List<DeliveryResult> results = new Notifier(
                        TargetSenders.builder()
                                .env(Map.of("SMTP_PASSWORD", wrong)::get)
                                .build(),
                        listener)
                .notify(RunResults.failed(), onFailure(email("SMTP_PASSWORD")), null);

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.delivered()).isFalse();
            assertThat(r.detail())
                    .startsWith("email to ops@example.com, lead@example.com via 127.0.0.1:")
                    .contains("AuthenticationFailedException");
        });
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(results.toString() + lines).doesNotContain(wrong, PASSWORD);
    }

    @Test
    void anUnreachableServerIsReportedAndTheOutcomeUnchanged() {
        RunResult result = RunResults.withOutcome(Outcome.ABORTED);
        NotifyTarget.Email unreachable =
                new NotifyTarget.Email(List.of("ops@example.com"), null, "127.0.0.1", 1, null, null, null);

        List<DeliveryResult> results =
                new Notifier(TargetSenders.builder().build(), listener).notify(result, onFailure(unreachable), null);

        assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.delivered()).isFalse();
            assertThat(r.detail()).startsWith("email to ops@example.com via 127.0.0.1:1 (NONE): MailConnectException");
        });
    }

    @Test
    void smtpDefaultsFillWhatTheTargetLeavesOut() throws Exception {
        // What the Jenkins plugin does with the Mailer configuration: the target only names recipients.
        TargetSenders senders = TargetSenders.builder()
                .smtpDefaults(new TargetSenders.SmtpDefaults(
                        "127.0.0.1",
                        SMTP.getSmtp().getPort(),
                        "none",
                        "ci",
                        new Secret(PASSWORD, "Mailer configuration"),
                        null,
                        "jenkins@example.com"))
                .build();
        NotifyTarget.Email onlyTo =
                new NotifyTarget.Email(List.of("ops@example.com"), null, null, null, null, null, null);

        List<DeliveryResult> results =
                new Notifier(senders, listener).notify(RunResults.failed(), onFailure(onlyTo), null);

        assertThat(results)
                .singleElement()
                .satisfies(r -> assertThat(r.delivered()).as(r.detail()).isTrue());
        assertThat(SMTP.getReceivedMessages())
                .singleElement()
                .satisfies(m -> assertThat(m.getFrom()[0].toString()).isEqualTo("jenkins@example.com"));
    }

    @Test
    void securityFollowsThePortUnlessSet() {
        assertThat(SmtpSecurity.parse(null, 465)).isEqualTo(SmtpSecurity.SSL);
        assertThat(SmtpSecurity.parse(null, 587)).isEqualTo(SmtpSecurity.STARTTLS);
        assertThat(SmtpSecurity.parse(null, 25)).isEqualTo(SmtpSecurity.NONE);
        assertThat(SmtpSecurity.parse("StartTLS", 25)).isEqualTo(SmtpSecurity.STARTTLS);
        assertThat(new SmtpSettings(
                                "smtp.example.com",
                                0,
                                SmtpSecurity.SSL,
                                "u",
                                new Secret(PASSWORD, "X"),
                                null,
                                List.of("a@example.com"))
                        .toString())
                .contains(":465", "secret from X")
                .doesNotContain(PASSWORD);
    }
}
