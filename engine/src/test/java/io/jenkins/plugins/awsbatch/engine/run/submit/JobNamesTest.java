package io.jenkins.plugins.awsbatch.engine.run.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Job names are what a resumed run finds its jobs by: valid for Batch, and never shared by two runs. */
class JobNamesTest {

    @Test
    void shortNamesAreRunStagePart() {
        assertThat(JobNames.job("nightly-20250101-120000-ab12", "score", "0"))
                .isEqualTo("nightly-20250101-120000-ab12-score-0");
        assertThat(JobNames.job("r.1", "st age", "3-r1")).isEqualTo("r_1-st_age-3-r1");
    }

    @Test
    void longNamesStayWithinBatchsLimitAndApartFromOtherRuns() {
        String graph = "g".repeat(64);
        String stage = "s".repeat(64);
        String first = JobNames.newRunId(graph, Instant.parse("2025-01-01T00:00:00Z"));
        String second = JobNames.newRunId(graph, Instant.parse("2025-01-02T00:00:00Z"));

        String a = JobNames.job(first, stage, "0-r2-barrier0-1");
        String b = JobNames.job(second, stage, "0-r2-barrier0-1");

        assertThat(a)
                .isNotEqualTo(b)
                .matches("[A-Za-z0-9][A-Za-z0-9_-]{0,127}")
                .endsWith("-" + stage + "-0-r2-barrier0-1");
        assertThat(b).hasSize(128);
        assertThat(JobNames.job(first, stage, "0-r2-barrier0-1")).isEqualTo(a); // deterministic
    }

    @Test
    void runIdsAreFolderNamesThatCannotLeaveTheStore() {
        assertThat(JobNames.runIdProblem(JobNames.newRunId("g".repeat(64), Instant.now())))
                .isNull();
        assertThat(JobNames.runIdProblem("nightly_2")).isNull();
        assertThat(JobNames.runIdProblem("")).isEqualTo("the run id is empty");
        assertThat(JobNames.runIdProblem(null)).isEqualTo("the run id is empty");
        for (String bad :
                new String[] {"../../x", "..", ".", "a/b", "a b", "a\\b", "r".repeat(101), "x%41", "a?b", "a#b"}) {
            assertThat(JobNames.runIdProblem(bad)).as(bad).contains("is not a run id");
        }
    }
}
