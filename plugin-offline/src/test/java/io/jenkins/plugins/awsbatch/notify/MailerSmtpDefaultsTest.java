package io.jenkins.plugins.awsbatch.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.jenkins.plugins.awsbatch.engine.notify.DeliveryResult;
import io.jenkins.plugins.awsbatch.engine.notify.Secret;
import io.jenkins.plugins.awsbatch.engine.notify.TargetSenders.SmtpDefaults;
import io.jenkins.plugins.awsbatch.offline.FakeListener;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Inside Jenkins, email targets use the Mailer plugin's SMTP configuration for what they leave out. The fakes below
 * have the bean getters of Mailer's {@code DescriptorImpl} in its current form ({@code smtpHost},
 * {@code authentication}, {@code useTls}) and in its older form ({@code smtpServer}, {@code smtpAuthUserName},
 * {@code smtpAuthPassword}); a real SMTP server (GreenMail) receives the mail.
 */
public class MailerSmtpDefaultsTest {
    private static final String PASSWORD = "mailer-PLANTED-secret-4q7z";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("ci@example.com", "ci", PASSWORD));

    /** Like {@code hudson.util.Secret}: only {@code getPlainText()} reveals the value. */
    public static final class FakeSecret {
        private final String value;

        FakeSecret(String value) {
            this.value = value;
        }

        public String getPlainText() {
            return value;
        }

        @Override
        public String toString() {
            return "FakeSecret";
        }
    }

    /** Like {@code hudson.tasks.SMTPAuthentication}. */
    public static final class FakeAuthentication {
        public String getUsername() {
            return "ci";
        }

        public FakeSecret getPassword() {
            return new FakeSecret(PASSWORD);
        }
    }

    /** Mailer's descriptor as configured today: host, port as text, STARTTLS, authentication, admin address. */
    public static final class CurrentMailer {
        private final String host;
        private final String port;
        private final boolean useTls;
        private final FakeAuthentication authentication;

        CurrentMailer(String host, String port, boolean useTls, FakeAuthentication authentication) {
            this.host = host;
            this.port = port;
            this.useTls = useTls;
            this.authentication = authentication;
        }

        public String getSmtpHost() {
            return host;
        }

        public String getSmtpPort() {
            return port;
        }

        public boolean getUseSsl() {
            return false;
        }

        public boolean getUseTls() {
            return useTls;
        }

        public FakeAuthentication getAuthentication() {
            return authentication;
        }

        public String getAdminAddress() {
            return "Jenkins <jenkins@example.com>";
        }
    }

    /** The older descriptor: {@code smtpServer}, SSL only, user name and password as plain getters. */
    public static final class OlderMailer {
        public String getSmtpServer() {
            return "smtp.example.com";
        }

        public String getSmtpPort() {
            return null;
        }

        public boolean getUseSsl() {
            return true;
        }

        public String getSmtpAuthUserName() {
            return "relay";
        }

        public String getSmtpAuthPassword() {
            return PASSWORD;
        }
    }

    @Test
    void currentMailerSuppliesHostPortStartTlsAuthenticationAndFrom() {
        SmtpDefaults defaults = MailerSmtpDefaults.from(
                new CurrentMailer("smtp.example.com", " 2525 ", true, new FakeAuthentication()));

        assertThat(defaults.host()).isEqualTo("smtp.example.com");
        assertThat(defaults.port()).isEqualTo(2525);
        assertThat(defaults.security()).isEqualTo("starttls");
        assertThat(defaults.username()).isEqualTo("ci");
        assertThat(defaults.password().value()).isEqualTo(PASSWORD);
        assertThat(defaults.from()).isEqualTo("Jenkins <jenkins@example.com>");
        assertThat(defaults.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void olderMailerSuppliesSmtpServerSslAndItsPlainCredentials() {
        SmtpDefaults defaults = MailerSmtpDefaults.from(new OlderMailer());

        assertThat(defaults.host()).isEqualTo("smtp.example.com");
        assertThat(defaults.port())
                .as("no port: the security's default (465 for SSL) applies")
                .isNull();
        assertThat(defaults.security()).isEqualTo("ssl");
        assertThat(defaults.username()).isEqualTo("relay");
        assertThat(defaults.password().value()).isEqualTo(PASSWORD);
        assertThat(defaults.from())
                .as("no admin address and no JenkinsLocationConfiguration here")
                .isNull();
    }

    @Test
    void missingOrUnconfiguredMailerGivesNoDefaults() {
        assertThat(MailerSmtpDefaults.from(null)).isSameAs(SmtpDefaults.NONE);
        assertThat(MailerSmtpDefaults.from(new CurrentMailer("  ", "25", false, null)))
                .isSameAs(SmtpDefaults.NONE);
        assertThat(MailerSmtpDefaults.from(new Object())).isSameAs(SmtpDefaults.NONE);
    }

    @Test
    void noAuthenticationMeansNoCredentialsAndABadPortIsLeftOut() {
        SmtpDefaults defaults = MailerSmtpDefaults.from(new CurrentMailer("mail.internal", "smtp", false, null));

        assertThat(defaults.username()).isNull();
        assertThat(defaults.password()).isNull();
        assertThat(defaults.port()).isNull();
        assertThat(defaults.security()).isEqualTo("none");
    }

    @Test
    void anEmailTargetNamingOnlyRecipientsIsSentThroughTheMailerConfiguration() throws Exception {
        CurrentMailer mailer = new CurrentMailer(
                "127.0.0.1", String.valueOf(SMTP.getSmtp().getPort()), false, new FakeAuthentication());
        NotifyLookups jenkins = new NotifyLookups() {
            @Override
            public Secret secretText(String credentialsId) {
                return null;
            }

            @Override
            public String buildUrl() {
                return "https://jenkins.example.com/job/recommendations/42/";
            }

            @Override
            public SmtpDefaults smtpDefaults() {
                return MailerSmtpDefaults.from(mailer);
            }
        };
        FakeListener console = new FakeListener();

        List<DeliveryResult> results = StepNotifications.send(
                StepNotificationsTest.failedRun(),
                NotifyArguments.parse(Map.of("onFailure", Map.of("email", "ops@example.com"))),
                jenkins,
                Map.of(),
                null,
                null,
                console.getLogger()::println);

        assertThat(results)
                .singleElement()
                .satisfies(r -> assertThat(r.delivered()).as(r.detail()).isTrue());
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).singleElement().satisfies(m -> {
            assertThat(m.getFrom()[0].toString()).isEqualTo("Jenkins <jenkins@example.com>");
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("ops@example.com");
            assertThat(m.getSubject()).contains("recommendations").contains("FAILED");
        });
        assertThat(console.text()).contains("email to ops@example.com").doesNotContain(PASSWORD);
    }
}
