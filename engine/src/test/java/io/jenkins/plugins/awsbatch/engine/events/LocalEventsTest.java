package io.jenkins.plugins.awsbatch.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchService;
import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.graph.GraphBinder;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.notify.TargetSenders;
import io.jenkins.plugins.awsbatch.engine.notify.WebhookReceiver;
import io.jenkins.plugins.awsbatch.engine.run.GraphRunner;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.run.submit.JobNames;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local engine's job state change events, told to the graph's notify targets with nothing tracking the run. */
class LocalEventsTest {
    @TempDir
    Path dir;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final RunListener listener = new RunListener() {
        @Override
        public void message(String line) {
            lines.add(line);
        }
    };

    @Test
    void aFailingArrayRunWhoseTrackerStoppedAfterSubmittingTellsSlackOncePerFailedParent() throws Exception {
        GraphSpec graph =
                new GraphBinder().parse("""
                name: ev
                plan: {items: {list: [a, b, c, d]}}
                jobDefinitions:
                  sh: {command: [sh, -c, 'true']}
                stages:
                  - {name: score, jobDefinition: sh, command: [sh, -c, 'test "$AWS_BATCH_JOB_ARRAY_INDEX" != 1 -a "$AWS_BATCH_JOB_ARRAY_INDEX" != 3']}
                  - {name: rank, jobDefinition: sh, dependsOn: [{stage: score, type: N_TO_N}]}
                notify:
                  onFailure: [{slack: {webhookUrlEnv: TEAM_HOOK}}]
                """, List.of()).withStore(LocalObjectStore.toUri(dir.resolve("runs")));
        String runId = JobNames.newRunId(graph.name(), Instant.now());
        List<ObjectNode> events = new CopyOnWriteArrayList<>();
        try (WebhookReceiver slack = new WebhookReceiver();
                RunEngine engine = new EngineFactory(Clock.systemUTC())
                        .create(
                                graph,
                                runId,
                                dir,
                                new EngineOptions(EngineKind.LOCAL, null, null, null, null, 2),
                                listener)) {
            LocalBatchService local = (LocalBatchService) engine.resources();
            TargetSenders senders = TargetSenders.builder()
                    .env(name -> "TEAM_HOOK".equals(name) ? slack.url("/hook") : null)
                    .build();
            try (LocalEventSink sink = LocalEventSink.attach(local, Json.mapper())) {
                sink.subscribe(events::add)
                        .subscribe(new EventNotifier(
                                graph,
                                GraphEventRules.localQueueArns(
                                        graph, local.config().region()),
                                senders,
                                listener,
                                Json.mapper()));

                GraphRunner runner = GraphRunner.start(engine.services(), graph, dir, runId);
                runner.step(); // submits the whole upfront graph; nothing polls it after this

                long deadline = System.currentTimeMillis() + 30_000;
                while (slack.requests().size() < 2 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                Thread.sleep(300); // a third message would have come by now
            }

            assertThat(slack.requests()).as(String.join("\n", lines)).hasSize(2);
            assertThat(slack.requests())
                    .anySatisfy(r -> assertThat(r.body())
                            .contains("ev FAILED: score job " + runId + "-score-0: Array Child Job failed (2 failed)"));
            assertThat(slack.requests())
                    .anySatisfy(r -> assertThat(r.body()).contains("ev FAILED: rank job " + runId + "-rank-0"));
            assertThat(lines)
                    .filteredOn(l -> l.startsWith("job event sent: Slack webhook (from TEAM_HOOK)"))
                    .hasSize(2);
        }
        List<JsonNode> failedChildren = events.stream()
                .filter(e -> e.at("/detail/status").asText().equals("FAILED")
                        && e.at("/detail/arrayProperties").has("index"))
                .map(JsonNode.class::cast)
                .toList();
        assertThat(failedChildren).as("children fail too, but are not told").hasSize(4);
        JsonNode parent = events.stream()
                .filter(e -> e.at("/detail/jobName").asText().endsWith("-score-0")
                        && e.at("/detail/status").asText().equals("FAILED")
                        && !e.at("/detail/arrayProperties").has("index"))
                .findFirst()
                .orElseThrow();
        assertThat(parent.path("detail-type").asText()).isEqualTo("Batch Job State Change");
        assertThat(parent.path("source").asText()).isEqualTo("aws.batch");
        assertThat(parent.path("account").asText()).isEqualTo("000000000000");
        assertThat(parent.path("region").asText()).isEqualTo("local");
        assertThat(parent.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(parent.path("resources").get(0).asText())
                .isEqualTo(parent.at("/detail/jobArn").asText())
                .startsWith("arn:aws:batch:local:000000000000:job/");
        assertThat(parent.at("/detail/jobQueue").asText())
                .isEqualTo("arn:aws:batch:local:000000000000:job-queue/default");
        assertThat(parent.at("/detail/arrayProperties/size").asInt()).isEqualTo(4);
        assertThat(parent.at("/detail/arrayProperties/statusSummary/FAILED").asInt())
                .isEqualTo(2);
        assertThat(parent.at("/detail/statusReason").asText()).isEqualTo("Array Child Job failed");
    }
}
