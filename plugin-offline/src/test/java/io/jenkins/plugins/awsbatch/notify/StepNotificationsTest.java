package io.jenkins.plugins.awsbatch.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.graph.NotifySpec;
import io.jenkins.plugins.awsbatch.engine.graph.NotifyTarget;
import io.jenkins.plugins.awsbatch.engine.notify.DeliveryResult;
import io.jenkins.plugins.awsbatch.engine.notify.Secret;
import io.jenkins.plugins.awsbatch.engine.run.state.FailedItem;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.StageResult;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import io.jenkins.plugins.awsbatch.offline.FakeListener;
import io.jenkins.plugins.awsbatch.steps.AwsBatchFanOutStep;
import io.jenkins.plugins.awsbatch.steps.AwsBatchRunStep;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notifications from a step: a Slack target given by a credentials id is resolved through the Jenkins lookup and
 * posted to a local receiver (JDK HttpServer on 127.0.0.1); the console shows one line per target and never the
 * webhook URL; a failing receiver is reported and nothing throws.
 */
class StepNotificationsTest {
    private static final String TOKEN = "XyZ0123456789abcdefSECRET";
    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private String webhookUrl;

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/services/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                bodies.add(exchange.getRequestURI().getPath() + "\n"
                        + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            byte[] reply = (status.get() == 200 ? "ok" : "invalid_token " + TOKEN).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
        webhookUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/services/T000/B000/" + TOKEN;
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    /** The build's credentials: one secret text "slack-hook" holding the webhook URL. */
    private NotifyLookups lookups() {
        return new NotifyLookups() {
            @Override
            public Secret secretText(String credentialsId) {
                return "slack-hook".equals(credentialsId)
                        ? new Secret(webhookUrl, "credentials '" + credentialsId + "'")
                        : null;
            }

            @Override
            public String buildUrl() {
                return "https://jenkins.example.com/job/recommendations/42/";
            }
        };
    }

    static RunResult failedRun() {
        Map<JobStatus, Integer> counts = new EnumMap<>(JobStatus.class);
        counts.put(JobStatus.SUCCEEDED, 97);
        counts.put(JobStatus.FAILED, 3);
        StageResult rank = new StageResult(
                "rank",
                StageStatus.FAILED,
                "Array Child Job failed",
                List.of("job-1"),
                counts,
                List.of(new FailedItem(
                        5,
                        "item-5",
                        "job:5",
                        1,
                        "Essential container in task exited",
                        List.of("ValueError: bad input"))),
                3,
                Map.of(),
                0,
                12.5);
        return new RunResult(
                "run-1",
                "recommendations",
                Outcome.FAILED,
                65_000,
                "upfront",
                100,
                "s3://bucket/runs/recommendations/run-1",
                null,
                List.of(rank),
                Map.of(),
                null);
    }

    private List<DeliveryResult> send(RunResult result, Object notify, FakeListener console) {
        NotifySpec spec = NotifyArguments.parse(notify);
        return StepNotifications.send(result, spec, lookups(), Map.of(), null, null, console.getLogger()::println);
    }

    @Test
    void slackFromCredentialsPostsOnceAndTheUrlNeverReachesTheConsole() {
        FakeListener console = new FakeListener();

        List<DeliveryResult> results = send(failedRun(), Map.of("onFailure", Map.of("slack", "slack-hook")), console);

        assertThat(results)
                .singleElement()
                .satisfies(r -> assertThat(r.delivered()).isTrue());
        assertThat(bodies)
                .singleElement()
                .satisfies(b -> assertThat(b)
                        .contains("/services/T000/B000/" + TOKEN)
                        .contains("recommendations")
                        .contains("FAILED")
                        .contains("https://jenkins.example.com/job/recommendations/42/")
                        .contains("rank"));
        assertThat(console.text())
                .contains("notification sent: Slack webhook (from credentials 'slack-hook')")
                .doesNotContain(TOKEN)
                .doesNotContain(webhookUrl)
                .doesNotContain("/services/T000");
    }

    @Test
    void aFailingReceiverIsReportedNotThrownAndNotLeaked() {
        status.set(500);
        FakeListener console = new FakeListener();

        List<DeliveryResult> results = send(
                failedRun(),
                Map.of("onFailure", List.of(Map.of("slack", Map.of("credentialsId", "slack-hook", "channel", "#ops")))),
                console);

        assertThat(results)
                .singleElement()
                .satisfies(r -> assertThat(r.delivered()).isFalse());
        assertThat(bodies).hasSize(1);
        assertThat(console.text())
                .contains("notification FAILED (the run's outcome is unchanged)")
                .contains("500")
                .doesNotContain(TOKEN)
                .doesNotContain("/services/T000");
    }

    @Test
    void unknownCredentialsAndMissingSmtpAreReportedPerTarget() {
        FakeListener console = new FakeListener();

        List<DeliveryResult> results = send(
                failedRun(), Map.of("onFailure", Map.of("slack", "no-such-id", "email", "team@example.com")), console);

        assertThat(results).hasSize(2).allSatisfy(r -> assertThat(r.delivered()).isFalse());
        assertThat(console.text())
                .contains("credentials 'no-such-id'")
                .contains("no such secret text credentials")
                .contains("email to team@example.com")
                .contains("smtpHost");
        assertThat(bodies).isEmpty();
    }

    @Test
    void onlyTheTargetsOfTheOutcome() {
        FakeListener console = new FakeListener();
        RunResult f = failedRun();
        RunResult succeeded = new RunResult(
                f.runId(),
                f.name(),
                Outcome.SUCCEEDED,
                f.durationMs(),
                f.mode(),
                f.itemCount(),
                f.runUri(),
                null,
                List.of(),
                Map.of(),
                null);

        assertThat(send(succeeded, Map.of("onFailure", Map.of("slack", "slack-hook")), console))
                .isEmpty();
        assertThat(send(withOutcome(f, Outcome.ABORTED), Map.of("onFailure", Map.of("slack", "slack-hook")), console))
                .hasSize(1);
        assertThat(send(withOutcome(f, Outcome.UNSTABLE), Map.of("onUnstable", Map.of("slack", "slack-hook")), console))
                .hasSize(1);
        assertThat(bodies).hasSize(2);
    }

    private static RunResult withOutcome(RunResult f, Outcome outcome) {
        return new RunResult(
                f.runId(),
                f.name(),
                outcome,
                f.durationMs(),
                f.mode(),
                f.itemCount(),
                f.runUri(),
                f.message(),
                f.stages(),
                f.calls(),
                f.cleanup());
    }

    @Test
    void notifyArgumentShortAndLongForms() {
        NotifySpec shortForm =
                NotifyArguments.parse(Map.of("onFailure", new java.util.LinkedHashMap<>(Map.of("slack", "cred-id"))));
        assertThat(shortForm.onFailure())
                .containsExactly(new NotifyTarget(new NotifyTarget.Slack(null, "cred-id", null), null, null));

        NotifySpec all = NotifyArguments.parse(Map.of(
                "onFailure",
                List.of(
                        Map.of("email", "a@x.org, b@x.org"),
                        Map.of("sns", "arn:aws:sns:eu-west-1:1:t"),
                        Map.of(
                                "email",
                                Map.of(
                                        "to",
                                        List.of("c@x.org"),
                                        "smtpHost",
                                        "smtp.x.org",
                                        "smtpPort",
                                        "587",
                                        "passwordEnv",
                                        "SMTP_PASSWORD",
                                        "username",
                                        "bot")))));
        assertThat(all.onFailure()).hasSize(3);
        assertThat(all.onFailure().get(0).email().to()).containsExactly("a@x.org", "b@x.org");
        assertThat(all.onFailure().get(1).sns().topicArn()).isEqualTo("arn:aws:sns:eu-west-1:1:t");
        assertThat(all.onFailure().get(2).email().smtpPort()).isEqualTo(587);

        assertThat(NotifyArguments.parse(null)).isNull();
        assertThatThrownBy(() -> NotifyArguments.parse(Map.of("onFailed", Map.of("slack", "x"))))
                .hasMessageContaining("notify.onFailed: unknown");
        assertThatThrownBy(() -> NotifyArguments.parse(Map.of("onFailure", Map.of("slak", "x"))))
                .hasMessageContaining("notify.onFailure.slak: unknown target");
        assertThatThrownBy(() ->
                        NotifyArguments.parse(Map.of("onFailure", Map.of("slack", Map.of("url", "https://hooks")))))
                .hasMessageContaining("notify.onFailure.slack.url: unknown field")
                .hasMessageNotContaining("https://hooks");
    }

    @Test
    void stepsAcceptNotifyAndRejectABadOneBeforeRunning() {
        AwsBatchRunStep run = new AwsBatchRunStep();
        run.setNotify(Map.of("onFailure", Map.of("slack", "slack-hook")));
        assertThat(run.getNotify()).isEqualTo(Map.of("onFailure", Map.of("slack", "slack-hook")));
        assertThatThrownBy(() -> new AwsBatchFanOutStep(Map.of("runId", "r"), List.of())
                        .setNotify(Map.of("onFailure", List.of("slack-hook"))))
                .hasMessageContaining("notify.onFailure[0]");
    }
}
