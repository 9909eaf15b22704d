package io.jenkins.plugins.awsbatch.engine.run.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.JobDefinition;
import io.jenkins.plugins.awsbatch.engine.batch.JobQueueDescription;
import io.jenkins.plugins.awsbatch.engine.batch.aws.CredentialsSpec;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchConfig;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchService;
import io.jenkins.plugins.awsbatch.engine.batch.local.server.LocalBatchServer;
import io.jenkins.plugins.awsbatch.engine.batch.local.server.ServerOptions;
import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.graph.GraphBinder;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.run.DelegatingBatch;
import io.jenkins.plugins.awsbatch.engine.run.GraphRunner;
import io.jenkins.plugins.awsbatch.engine.run.LocalRunHarness;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-flight check: queues and definitions SubmitJob would refuse are reported, all at once, before the
 * first SubmitJob (and before the run is journaled), on the local engine and through the Batch API.
 */
class PreflightCheckTest {
    @TempDir
    Path dir;

    private static final String TWO_STAGES = """
            name: pf
            plan: {items: {list: [a, b]}}
            jobDefinitions: {sh: {command: [sh, -c, 'true']}}
            stages:
              - {name: a, jobDefinition: sh}
              - {name: b, jobDefinition: '%s', dependsOn: [{stage: a, type: N_TO_N}]}
            """;

    private static GraphValidationException thrown(Runnable call) {
        try {
            call.run();
        } catch (GraphValidationException e) {
            return e;
        }
        throw new AssertionError("no GraphValidationException");
    }

    @Test
    void aRevisionThatIsNotActiveOnTheLocalEngineStopsTheRunBeforeAnySubmit() {
        LocalRunHarness harness = new LocalRunHarness(dir);
        GraphSpec graph = harness.graph(TWO_STAGES.formatted("sh:1"));
        try (RunEngine engine = harness.engine(graph, "pf-1")) {
            LocalBatchService local = (LocalBatchService) engine.resources();
            local.registerJobDefinition(JobDefinition.ofCommand("sh", List.of("true"))); // sh:2
            local.deregisterJobDefinition("sh:1");

            GraphValidationException e = thrown(() -> GraphRunner.start(engine.services(), graph, dir, "pf-1"));

            assertThat(e.errors())
                    .singleElement()
                    .hasToString("stages[1].jobDefinition: 'sh:1' is not an ACTIVE job "
                            + "definition. Fix: name an ACTIVE revision (sh:2) or register it again");
            assertThat(engine.services().calls().get("SubmitJob")).isZero();
            assertThat(engine.services().calls().snapshot())
                    .containsEntry("DescribeJobQueues", 1L)
                    .containsEntry("DescribeJobDefinitions", 1L);
            assertThat(LocalObjectStore.toPath(new RunLayout(graph.storeOrDefault(), "pf-1").runUri())
                            .resolve("state.json"))
                    .doesNotExist();
        }
    }

    @Test
    void definitionsTheGraphRegistersPassAndCostOneCallPerName() {
        LocalRunHarness harness = new LocalRunHarness(dir);
        RunResult result = harness.run(TWO_STAGES.formatted("sh"));

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.calls()).containsEntry("DescribeJobQueues", 1L).containsEntry("DescribeJobDefinitions", 1L);
    }

    @Test
    void throughTheBatchApiEveryUnknownQueueAndDefinitionIsReportedAtOnceWithItsPath() throws Exception {
        GraphSpec graph =
                new GraphBinder().parse("""
                name: pf-endpoint
                engine: aws
                region: us-east-1
                store: %s
                plan: {items: {list: [a, b]}}
                jobDefinitions: {sh: {command: [sh, -c, 'true']}}
                stages:
                  - {name: a, jobDefinition: sh}
                  - {name: b, jobDefinition: shh, dependsOn: [a]}
                  - {name: c, jobDefinition: sh, queue: nightly, dependsOn: [b]}
                """.formatted(LocalObjectStore.toUri(dir.resolve("runs"))), List.of());
        LocalBatchService service = new LocalBatchService(LocalBatchConfig.defaults(dir.resolve("logs"))
                .withSlots(2)
                .withWorkingDirectory(dir)
                .withRegion("us-east-1"));
        service.ensureJobQueue("default");
        try (LocalBatchServer server =
                        LocalBatchServer.start(service, ServerOptions.defaults().withPort(0));
                RunEngine engine = new EngineFactory(Clock.systemUTC())
                        .create(
                                graph,
                                "pf-2",
                                dir,
                                new EngineOptions(
                                        EngineKind.AWS,
                                        "us-east-1",
                                        server.endpoint().toString(),
                                        null,
                                        new CredentialsSpec.StaticKeys("local", "local", null),
                                        null),
                                RunListener.NONE)) {
            GraphValidationException e = thrown(() -> GraphRunner.start(engine.services(), graph, dir, "pf-2"));

            assertThat(e.errors())
                    .extracting(Object::toString)
                    .containsExactly(
                            "stages[2].queue: job queue 'nightly' does not exist in us-east-1. Fix: create it or name an "
                                    + "existing queue (aws batch describe-job-queues)",
                            "stages[1].jobDefinition: 'shh' is not an ACTIVE job definition in us-east-1. Fix: register it or "
                                    + "fix the name (aws batch describe-job-definitions --job-definition-name shh --status ACTIVE)");
            assertThat(engine.services().calls().get("SubmitJob")).isZero();
            assertThat(engine.services().calls().get("DescribeJobQueues")).isEqualTo(1);
            assertThat(engine.services().calls().get("DescribeJobDefinitions")).isEqualTo(2);
        } finally {
            service.close();
        }
    }

    @Test
    void aLookupThatFailsSkipsTheCheckWithOneLineAndTheRunGoesOn() {
        LocalRunHarness harness = new LocalRunHarness(dir);
        GraphSpec graph = harness.graph(TWO_STAGES.formatted("sh"));
        try (RunEngine engine = harness.engine(graph, "pf-3")) {
            RunServices s = engine.services();
            DelegatingBatch denied = new DelegatingBatch(s.batch()) {
                @Override
                public Optional<List<JobQueueDescription>> findJobQueues(List<String> queues) {
                    throw new IllegalStateException(
                            "AccessDeniedException: not authorized to perform batch:DescribeJobQueues");
                }
            };
            RunServices services = new RunServices(
                    denied,
                    s.stores(),
                    s.logs(),
                    s.calls(),
                    s.clock(),
                    s.sleeper(),
                    s.pollSchedule(),
                    s.listener(),
                    s.json(),
                    s.definitionNames(),
                    s.settings());

            RunResult result = GraphRunner.start(services, graph, dir, "pf-3").runToCompletion();

            assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(harness.messages)
                    .filteredOn(m -> m.startsWith("pre-flight check skipped"))
                    .singleElement()
                    .asString()
                    .contains("AccessDeniedException", "batch:DescribeJobDefinitions");
        }
    }

    @Test
    void extendChecksTheNewStagesBeforeChangingTheRun() {
        LocalRunHarness harness = new LocalRunHarness(dir);
        GraphSpec graph = harness.graph(TWO_STAGES.formatted("sh"));
        try (RunEngine engine = harness.engine(graph, "pf-4")) {
            RunState planned = GraphRunner.plan(engine.services(), graph, dir, "pf-4");
            StageSpec fan = StageSpec.builder("fan").jobDefinition("sh:9").build();

            GraphValidationException e =
                    thrown(() -> GraphRunner.extend(engine.services(), planned, List.of(fan), Map.of()));

            assertThat(e.errors()).singleElement().satisfies(error -> {
                assertThat(error.path()).isEqualTo("stages[0].jobDefinition");
                assertThat(error.problem()).isEqualTo("'sh:9' is not an ACTIVE job definition");
            });
            assertThat(planned.graph.stages()).isEmpty();
            assertThat(engine.services().calls().get("SubmitJob")).isZero();
        }
    }
}
