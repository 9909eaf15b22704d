package io.jenkins.plugins.awsbatch.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.graph.NotifySpec;
import io.jenkins.plugins.awsbatch.engine.graph.NotifyTarget;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationMessageTest {

    @Test
    void summarisesStagesAndFailedItems() {
        NotificationMessage m = NotificationMessage.from(RunResults.failed(), null);

        assertThat(m.runId()).isEqualTo(RunResults.RUN_ID);
        assertThat(m.link()).as("no Jenkins: the run URI").isEqualTo(RunResults.RUN_URI);
        assertThat(m.durationText()).isEqualTo("1m 05s");
        assertThat(m.headline()).isEqualTo("recommendations FAILED: rank: 3 failed (items 5-7)");
        assertThat(m.stages())
                .extracting(StageSummary::countsText)
                .containsExactly("100 SUCCEEDED", "97 SUCCEEDED, 3 FAILED");
        assertThat(m.failedStages()).singleElement().satisfies(s -> {
            assertThat(s.failedText()).isEqualTo("3 failed (items 5-7)");
            assertThat(s.failedItems()).hasSize(3);
        });
        assertThat(NotificationMessage.from(RunResults.failed(), "https://ci/job/x/12/")
                        .link())
                .isEqualTo("https://ci/job/x/12/");
    }

    @Test
    void plainTextCarriesCountsItemsExitCodesAndLogLines() {
        String text = PlainTextMessage.render(NotificationMessage.from(RunResults.failed(), "https://ci/job/x/12/"));

        assertThat(text)
                .contains(
                        "recommendations FAILED",
                        "run id " + RunResults.RUN_ID,
                        "Duration: 1m 05s",
                        "rank: FAILED - 97 SUCCEEDED, 3 FAILED; 3 failed (items 5-7)",
                        "item 7 [item-7] exit 137: OutOfMemoryError",
                        "| ValueError: <bad> & worse",
                        "https://ci/job/x/12/");
    }

    @Test
    void htmlIsEscaped() {
        String html = HtmlMessage.render(NotificationMessage.from(RunResults.failed(), null));

        assertThat(html).contains("ValueError: &lt;bad&gt; &amp; worse").doesNotContain("<bad>");
    }

    @Test
    void aHugeFailureStaysOneShortMessage() {
        NotificationMessage m = NotificationMessage.from(RunResults.manyFailures(10_000), null);
        StageSummary s = m.stages().get(0);

        assertThat(s.failedItems()).hasSize(NotificationMessage.MAX_ITEMS_PER_STAGE);
        assertThat(s.failedItems())
                .allSatisfy(i -> assertThat(i.logTail())
                        .hasSize(NotificationMessage.MAX_LOG_LINES)
                        .last()
                        .isEqualTo("log line 19"));
        assertThat(s.moreFailed()).isEqualTo(10_000 - NotificationMessage.MAX_ITEMS_PER_STAGE);
        assertThat(s.failedRanges()).endsWith(", ...");
        assertThat(PlainTextMessage.render(m)).hasSizeLessThan(5_000).contains("... and 9995 more");
        assertThat(SlackPayload.render(m, null)).hasSizeLessThan(10_000);
    }

    @Test
    void outcomeChoosesTheTargets() {
        NotifyTarget fail = new NotifyTarget(null, null, new NotifyTarget.Sns("arn:fail"));
        NotifyTarget unstable = new NotifyTarget(null, null, new NotifyTarget.Sns("arn:unstable"));
        NotifyTarget ok = new NotifyTarget(null, null, new NotifyTarget.Sns("arn:ok"));
        NotifySpec spec = new NotifySpec(List.of(fail), List.of(unstable), List.of(ok));

        assertThat(Notifier.targetsFor(spec, Outcome.FAILED)).containsExactly(fail);
        assertThat(Notifier.targetsFor(spec, Outcome.ABORTED)).containsExactly(fail);
        assertThat(Notifier.targetsFor(spec, Outcome.UNSTABLE)).containsExactly(unstable);
        assertThat(Notifier.targetsFor(spec, Outcome.SUCCEEDED)).containsExactly(ok);
        assertThat(Notifier.targetsFor(null, Outcome.FAILED)).isEmpty();
    }

    @Test
    void snsSubjectIsOneShortLine() {
        NotificationMessage m =
                new NotificationMessage("r".repeat(80), "n".repeat(64), Outcome.FAILED, 1, null, "h", null, List.of());

        assertThat(SnsSender.subject(m)).hasSizeLessThanOrEqualTo(99).doesNotContain("\n");
    }
}
