package io.jenkins.plugins.awsbatch.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.batch.aws.ProxySettings;
import io.jenkins.plugins.awsbatch.engine.graph.NotifySpec;
import io.jenkins.plugins.awsbatch.engine.graph.NotifyTarget;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackSenderTest {
    private static final String TOKEN = "T0SECRET/B0SECRET/xoxbSECRETtoken1234567890";
    private final WebhookReceiver slack = new WebhookReceiver();
    private final List<String> lines = new ArrayList<>();
    private final RunListener listener = new RunListener() {
        @Override
        public void message(String line) {
            lines.add(line);
        }
    };

    @AfterEach
    void stop() {
        slack.close();
    }

    private Notifier notifier(Map<String, String> env) {
        return new Notifier(TargetSenders.builder().env(env::get).build(), listener);
    }

    private static NotifySpec onFailure(String env, String channel) {
        return new NotifySpec(
                List.of(new NotifyTarget(new NotifyTarget.Slack(env, null, channel), null, null)), null, null);
    }

    @Test
    void postsOneReadableBlockKitMessagePerRun() throws Exception {
        String url = slack.url("/services/" + TOKEN);

        List<DeliveryResult> results = notifier(Map.of("SLACK_WEBHOOK_URL", url))
                .notify(RunResults.failed(), onFailure(null, "#batch"), "https://ci.example/job/x/12/");

        assertThat(results)
                .singleElement()
                .satisfies(r -> assertThat(r.delivered()).isTrue());
        assertThat(slack.requests()).singleElement().satisfies(req -> {
            assertThat(req.method()).isEqualTo("POST");
            assertThat(req.uri()).isEqualTo("/services/" + TOKEN);
            assertThat(req.contentType()).startsWith("application/json");
        });
        JsonNode payload = new ObjectMapper().readTree(slack.requests().get(0).body());
        assertThat(payload.path("text").asText()).isEqualTo("recommendations FAILED: rank: 3 failed (items 5-7)");
        assertThat(payload.path("channel").asText()).isEqualTo("#batch");
        JsonNode attachment = payload.path("attachments").get(0);
        assertThat(attachment.path("color").asText()).isEqualTo("#a30200");
        List<String> types = StreamSupport.stream(attachment.path("blocks").spliterator(), false)
                .map(b -> b.path("type").asText())
                .toList();
        assertThat(types).containsExactly("header", "section", "section", "section", "context");
        String all = attachment.path("blocks").toString();
        assertThat(all)
                .contains(
                        RunResults.RUN_ID,
                        "1m 05s",
                        "`rank` FAILED: 97 SUCCEEDED, 3 FAILED - *3 failed (items 5-7)*",
                        "item 5 [item-5] exit 1: Essential container in task exited",
                        "item 7 [item-7] exit 137",
                        "ValueError: &lt;bad&gt; &amp; worse",
                        "<https://ci.example/job/x/12/|Open the run>");
        assertThat(lines)
                .containsExactly("notification sent: Slack webhook (from SLACK_WEBHOOK_URL) to #batch (HTTP 200)");
    }

    @Test
    void outcomeColourAndTargetsFollowTheOutcome() throws Exception {
        NotifyTarget target = new NotifyTarget(new NotifyTarget.Slack("HOOK", null, null), null, null);
        NotifySpec spec = new NotifySpec(List.of(), List.of(target), List.of(target));
        Notifier notifier = notifier(Map.of("HOOK", slack.url("/hook")));

        assertThat(notifier.notify(RunResults.withOutcome(Outcome.FAILED), spec, null))
                .isEmpty();
        notifier.notify(RunResults.withOutcome(Outcome.UNSTABLE), spec, null);
        notifier.notify(RunResults.succeeded(), spec, null);

        assertThat(slack.requests()).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(slack.requests().get(0).body())
                        .at("/attachments/0/color")
                        .asText())
                .isEqualTo("#daa038");
        assertThat(json.readTree(slack.requests().get(1).body())
                        .at("/attachments/0/color")
                        .asText())
                .isEqualTo("#2eb886");
        assertThat(slack.requests().get(1).body())
                .as("no Jenkins: the link is the run URI")
                .contains(RunResults.RUN_URI);
    }

    @Test
    void anErrorFromSlackIsReportedAndTheOutcomeUnchanged() {
        slack.answer(500, "internal error at /services/" + TOKEN);
        String url = slack.url("/services/" + TOKEN);
        RunResult result = RunResults.failed();

        List<DeliveryResult> results =
                notifier(Map.of("SLACK_WEBHOOK_URL", url)).notify(result, onFailure(null, null), null);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result).isEqualTo(RunResults.failed());
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.delivered()).isFalse();
            assertThat(r.detail()).startsWith("Slack webhook (from SLACK_WEBHOOK_URL): HTTP 500");
        });
        assertThat(lines)
                .singleElement()
                .asString()
                .contains("notification FAILED (the run's outcome is unchanged)", "HTTP 500");
        assertThat(String.join("\n", lines) + results).doesNotContain(url, TOKEN, "xoxbSECRETtoken", "T0SECRET");
    }

    @Test
    void anUnreachableWebhookIsReportedWithoutItsUrl() {
        int port = slack.port();
        slack.close();
        String url = "http://127.0.0.1:" + port + "/services/" + TOKEN;

        List<DeliveryResult> results =
                notifier(Map.of("SLACK_WEBHOOK_URL", url)).notify(RunResults.failed(), onFailure(null, null), null);

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.delivered()).isFalse();
            assertThat(r.detail()).startsWith("Slack webhook (from SLACK_WEBHOOK_URL): cannot reach it: ");
            assertThat(r.detail()).doesNotContain(TOKEN, "xoxbSECRETtoken", "/services/");
        });
    }

    @Test
    void aMissingVariableIsReportedByName() {
        List<DeliveryResult> results =
                notifier(Map.of()).notify(RunResults.failed(), onFailure("TEAM_HOOK", null), null);

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.delivered()).isFalse();
            assertThat(r.detail())
                    .isEqualTo("Slack webhook (from TEAM_HOOK): environment variable TEAM_HOOK is not set");
        });
    }

    @Test
    void aCredentialsIdIsResolvedByTheCallersLookup() {
        NotifyTarget target = new NotifyTarget(new NotifyTarget.Slack(null, "slack-hook", null), null, null);
        SenderFactory senders = TargetSenders.builder()
                .env(k -> null)
                .credentials(id -> id.equals("slack-hook")
                        ? new Secret(slack.url("/x/" + TOKEN), "credentials 'slack-hook'")
                        : null)
                .build();

        List<DeliveryResult> results = new Notifier(senders, listener)
                .notify(RunResults.failed(), new NotifySpec(List.of(target), null, null), null);

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.delivered()).isTrue();
            assertThat(r.target()).isEqualTo("Slack webhook (from credentials 'slack-hook')");
        });
        assertThat(slack.requests()).hasSize(1);
    }

    @Test
    void goesThroughTheConfiguredProxy() {
        // The receiver plays the proxy: a plain-HTTP request through a proxy carries the absolute URL.
        ProxySettings proxy = new ProxySettings(URI.create(slack.url("")), null, null, Set.of());
        SenderFactory senders = TargetSenders.builder()
                .env(Map.of("SLACK_WEBHOOK_URL", "http://hooks.slack.invalid/services/" + TOKEN)::get)
                .http(WebhookHttpClients.create(proxy))
                .build();

        List<DeliveryResult> results =
                new Notifier(senders, listener).notify(RunResults.failed(), onFailure(null, null), null);

        assertThat(results)
                .singleElement()
                .satisfies(r -> assertThat(r.delivered()).isTrue());
        assertThat(slack.requests())
                .singleElement()
                .satisfies(req -> assertThat(req.uri()).isEqualTo("http://hooks.slack.invalid/services/" + TOKEN));
    }
}
