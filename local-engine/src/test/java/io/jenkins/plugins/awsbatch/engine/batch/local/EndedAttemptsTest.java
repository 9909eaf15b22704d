package io.jenkins.plugins.awsbatch.engine.batch.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.JobAttempt;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndedAttemptsTest {
    private static final String CHILD = "p:7";

    @Test
    void attemptsComeBackAsTheyWereAddedWhetherTheirStreamIsDerivedOrNot() {
        List<JobAttempt> attempts = List.of(
                new JobAttempt(null, 5L, null, "CannotStartContainerError: no such file", "p/7-attempt-1.log"),
                new JobAttempt(10L, 20L, 3, null, "from/an/older/engine.log"),
                new JobAttempt(30L, 40L, 0, null, ProcessLauncher.logStreamName(CHILD, 3)));

        EndedAttempts.Ended[] kept = EndedAttempts.of(CHILD, attempts);

        assertThat(EndedAttempts.views(kept, CHILD)).isEqualTo(attempts);
        assertThat(kept)
                .extracting(EndedAttempts.Ended::logStream)
                .containsExactly(null, "from/an/older/engine.log", null);
        assertThat(EndedAttempts.firstStartedAt(kept)).isNull();
    }

    @Test
    void aJobKeepsItsDerivedStreamAsAnAttemptNumberAndAnyOtherAsIs() {
        LocalJob parent = new LocalJob("p", null, 1L, null);
        LocalJob child = LocalJob.childOf(parent, 7);
        child.logStreamName(ProcessLauncher.logStreamName(CHILD, 1));
        assertThat(child.logStreamName()).isEqualTo("p/7-attempt-1.log");
        child.addAttempt(new JobAttempt(1L, 2L, 1, null, child.logStreamName()));
        assertThat(child.logStreamName()).isEqualTo("p/7-attempt-1.log");
        child.logStreamName("elsewhere.log");
        assertThat(child.logStreamName()).isEqualTo("elsewhere.log");
        child.logStreamName(null);
        assertThat(child.logStreamName()).isNull();
    }
}
