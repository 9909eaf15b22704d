package io.jenkins.plugins.awsbatch.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsSettings;
import io.jenkins.plugins.awsbatch.engine.batch.aws.CredentialsSpec;
import io.jenkins.plugins.awsbatch.engine.graph.NotifySpec;
import io.jenkins.plugins.awsbatch.engine.graph.NotifyTarget;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A secret planted in every target (webhook URL, SMTP password, AWS secret key), every delivery failing in its
 * own way: none appears in the results, the listener's lines, stdout/stderr, or any toString.
 */
class SecretsStayHiddenTest {
    private static final String WEBHOOK_TOKEN = "PLANTEDwebhookTOKEN0123456789";
    private static final String SMTP_PASSWORD = "PLANTED-smtp-password-5150";
    private static final String AWS_SECRET = "PLANTEDawsSECRETkey/abcdefghijklmnop";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("ci@example.com", "ci", "the-right-one"));

    private final WebhookReceiver slack = new WebhookReceiver();
    private final List<String> lines = new ArrayList<>();

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void noSecretInAnyOutputWhenEveryTargetFails() {
        // Slack answers 500 and echoes the request path, as a misbehaving proxy might.
        slack.answer(500, "no route for /services/" + WEBHOOK_TOKEN);
        String webhook = slack.url("/services/" + WEBHOOK_TOKEN);
        // A second Slack target whose host is unreachable: HttpClient's own exception.
        String deadHook = "http://127.0.0.1:1/services/" + WEBHOOK_TOKEN;
        Map<String, String> env =
                Map.of("SLACK_WEBHOOK_URL", webhook, "DEAD_HOOK", deadHook, "SMTP_PASSWORD", SMTP_PASSWORD);
        AwsSettings settings = AwsSettings.builder()
                .region("us-east-1")
                .credentials(new CredentialsSpec.StaticKeys("AKIAPLANTEDACCESS", AWS_SECRET, null))
                .endpointUrl("http://127.0.0.1:1")
                .maxAttempts(1)
                .build();
        NotifySpec spec = new NotifySpec(
                List.of(
                        new NotifyTarget(new NotifyTarget.Slack(null, null, "#ops"), null, null),
                        new NotifyTarget(new NotifyTarget.Slack("DEAD_HOOK", null, null), null, null),
                        new NotifyTarget(
                                null,
                                new NotifyTarget.Email(
                                        List.of("ops@example.com"),
                                        null,
                                        "127.0.0.1",
                                        SMTP.getSmtp().getPort(),
                                        "none",
                                        "ci",
                                        "SMTP_PASSWORD"),
                                null),
                        new NotifyTarget(
                                null, null, new NotifyTarget.Sns("arn:aws:sns:us-east-1:123456789012:alerts"))),
                null,
                null);
        RunResult result = RunResults.failed();

        String captured;
        List<DeliveryResult> results;
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (AwsClients aws = AwsClients.create(settings, new CallCounter());
                PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            TargetSenders senders =
                    TargetSenders.builder().env(env::get).sns(aws::sns).build();
            results = new Notifier(senders, listener()).notify(result, spec, null);
            captured = buffer.toString(StandardCharsets.UTF_8) + aws + settings + senders;
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        assertThat(results).hasSize(4).noneMatch(DeliveryResult::delivered);
        assertThat(results)
                .extracting(DeliveryResult::target)
                .containsExactly(
                        "Slack webhook (from SLACK_WEBHOOK_URL) to #ops",
                        "Slack webhook (from DEAD_HOOK)",
                        "email to ops@example.com via 127.0.0.1:"
                                + SMTP.getSmtp().getPort() + " (NONE)",
                        "SNS topic arn:aws:sns:us-east-1:123456789012:alerts");
        assertThat(result.outcome())
                .as("notifications never change the outcome")
                .isEqualTo(Outcome.FAILED);
        String everything = captured + results + String.join("\n", lines);
        for (String secret : List.of(WEBHOOK_TOKEN, webhook, deadHook, SMTP_PASSWORD, AWS_SECRET, "PLANTEDawsSECRET")) {
            assertThat(everything).as("output holds no secret").doesNotContain(secret);
        }
        assertThat(lines).hasSize(4).allSatisfy(l -> assertThat(l).startsWith("notification FAILED"));
    }

    @Test
    void secretsPrintAsTheirSource() {
        Secret secret = new Secret("https://hooks.slack.com/services/" + WEBHOOK_TOKEN, "SLACK_WEBHOOK_URL");
        SlackSender sender = new SlackSender(secret, null, WebhookHttpClients.create(null));

        assertThat(secret.toString()).isEqualTo("secret from SLACK_WEBHOOK_URL");
        assertThat(sender.target() + sender + secret).doesNotContain(WEBHOOK_TOKEN);
        assertThat(secret.redact("POST /services/" + WEBHOOK_TOKEN + " failed")).doesNotContain(WEBHOOK_TOKEN);
        assertThat(new TargetSenders.SmtpDefaults("h", 25, null, "u", new Secret(SMTP_PASSWORD, "Mailer"), null, null)
                        .toString())
                .doesNotContain(SMTP_PASSWORD);
    }

    private RunListener listener() {
        return new RunListener() {
            @Override
            public void message(String line) {
                lines.add(line);
            }
        };
    }
}
