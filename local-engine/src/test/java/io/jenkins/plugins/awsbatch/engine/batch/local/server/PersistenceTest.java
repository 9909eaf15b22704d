package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.batch.model.JobStatus;

/** With a data directory, definitions, queues and jobs survive a restart; running jobs end FAILED with a reason. */
class PersistenceTest {
    @TempDir
    Path dir;

    @Test
    void stateSurvivesARestartAndRunningJobsFailWithAClearReason() throws Exception {
        Path data = dir.resolve("data");
        String done;
        String running;
        String definition;
        try (Endpoint first = Endpoint.start(dir, ServerOptions.defaults(), data, true)) {
            definition = first.registerShell("persisted", "sleep \"${SLEEP:-0}\"");
            done = first.batch
                    .submitJob(r -> r.jobName("done")
                            .jobQueue(Endpoint.QUEUE)
                            .jobDefinition(definition)
                            .tags(java.util.Map.of("batchgraph:run", "r1")))
                    .jobId();
            first.awaitTerminal(done);
            running = first.batch
                    .submitJob(r -> r.jobName("running")
                            .jobQueue(Endpoint.QUEUE)
                            .jobDefinition(definition)
                            .containerOverrides(
                                    c -> c.environment(e -> e.name("SLEEP").value("30"))))
                    .jobId();
            first.awaitStatus(running, s -> s == JobStatus.RUNNING);
        }

        try (Endpoint second = Endpoint.start(dir, ServerOptions.defaults(), data, false)) {
            JobDetail finished = second.describe(done);
            assertThat(finished.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(finished.tags()).containsEntry("batchgraph:run", "r1");
            JobDetail interrupted = second.describe(running);
            assertThat(interrupted.status()).isEqualTo(JobStatus.FAILED);
            assertThat(interrupted.statusReason()).containsIgnoringCase("restart");
            assertThat(interrupted.stoppedAt()).isNotNull();

            assertThat(second.batch.describeJobQueues().jobQueues())
                    .extracting(q -> q.jobQueueName())
                    .containsExactly(Endpoint.QUEUE);
            assertThat(second.batch
                            .describeJobDefinitions(r -> r.jobDefinitionName("persisted"))
                            .jobDefinitions())
                    .hasSize(1);
            String again = second.batch
                    .submitJob(r -> r.jobName("again").jobQueue(Endpoint.QUEUE).jobDefinition(definition))
                    .jobId();
            assertThat(second.awaitTerminal(again).status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(second.batch
                            .listJobs(r -> r.jobQueue(Endpoint.QUEUE).jobStatus(JobStatus.SUCCEEDED))
                            .jobSummaryList())
                    .extracting(s -> s.jobId())
                    .containsExactlyInAnyOrder(done, again);
        }
    }
}
