package io.jenkins.plugins.awsbatch.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule's pattern applied locally: the same decisions EventBridge makes with the JSON pattern. */
class BatchEventPatternTest {
    private static final String Q = "arn:aws:batch:us-east-1:123456789012:job-queue/fast";

    private static BatchEventPattern pattern(String successStage) {
        return new BatchEventPattern(new EventRuleSpec("recs", List.of(Q), successStage, null, null, null));
    }

    @Test
    void succeededJobsAreToldOnlyForTheLastStageAndOnlyWhenTheGraphNotifiesOnSuccess() {
        var merge = BatchEvents.job("recs-20250101-000000-abcd-merge-0", Q, "SUCCEEDED", null, null);
        var score = BatchEvents.job("recs-20250101-000000-abcd-score-0", Q, "SUCCEEDED", null, 3);

        assertThat(pattern("merge").matches(merge)).isTrue();
        assertThat(pattern("merge").matches(score)).isFalse();
        assertThat(pattern(null).matches(merge)).isFalse();
        assertThat(pattern("merge").json().toString()).contains("{\"wildcard\":\"recs-*-merge-*\"}", "\"$or\"");
    }

    @Test
    void failedSingleJobsAndParentsMatchButChildrenNever() {
        assertThat(pattern(null).matches(BatchEvents.job("recs-1-merge-0", Q, "FAILED", "x", null)))
                .isTrue();
        assertThat(pattern(null).matches(BatchEvents.job("recs-1-score-0", Q, "FAILED", "x", 5)))
                .isTrue();
        assertThat(pattern(null).matches(BatchEvents.child("recs-1-score-0", Q, "FAILED", 2)))
                .isFalse();
        assertThat(pattern(null).matches(BatchEvents.job("recsx-1-score-0", Q, "FAILED", "x", 5)))
                .isFalse();
    }

    @Test
    void wildcardIsLiteralButForTheStar() {
        assertThat(BatchEventPattern.wildcard("a.b-*-c-*", "a.b-1-c-2")).isTrue();
        assertThat(BatchEventPattern.wildcard("a.b-*-c-*", "axb-1-c-2")).isFalse();
    }
}
