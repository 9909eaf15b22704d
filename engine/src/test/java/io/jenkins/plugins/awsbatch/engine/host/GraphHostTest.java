package io.jenkins.plugins.awsbatch.engine.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.graph.GraphBinder;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.engine.graph.StageDependency;
import io.jenkins.plugins.awsbatch.engine.lock.RunLock;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunJournal;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import io.jenkins.plugins.awsbatch.engine.run.wiring.LazyStores;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;
import io.jenkins.plugins.awsbatch.engine.track.PollSchedule;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every host entry point validates, then locks the run, then opens the engine; extensions speak the caller's terms. */
class GraphHostTest {
    @TempDir
    Path dir;

    /** What {@link Access#open} saw: the run id, and whether the run's lock was held at that moment. */
    private final List<String> opened = new ArrayList<>();

    private String store() {
        return LocalObjectStore.toUri(dir.resolve("runs"));
    }

    private GraphHost host() {
        return new GraphHost(new Access(), RunListener.NONE, "test host");
    }

    private GraphSpec graph(String yaml) {
        return GraphFiles.withHostSettings(new GraphBinder().parse(yaml, List.of()), "local", store(), null, null);
    }

    private static final String ONE_STAGE = """
            name: t
            plan: {items: {list: [1, 2, 3]}}
            jobDefinitions: {sh: {command: [sh, -c, 'true']}}
            stages:
              - {name: a, jobDefinition: sh, timeout: %d}
            """;

    @Test
    void invalidInputOpensNoEngineAndLeavesNoRunFolder() {
        assertThatThrownBy(() -> host().start(graph(ONE_STAGE.formatted(5)), dir, "bad-1"))
                .isInstanceOf(GraphValidationException.class)
                .hasMessageContaining("stages[0].timeout");

        assertThat(opened).isEmpty();
        assertThat(dir.resolve("runs").resolve("bad-1")).doesNotExist();
    }

    @Test
    void theEngineOpensOnlyUnderTheRunsLockAndTheRunEnds() {
        try (HostedRun run = host().start(graph(ONE_STAGE.formatted(600)), dir, "ok-1")) {
            assertThat(run.runToCompletion().outcome()).isEqualTo(Outcome.SUCCEEDED);
        }
        assertThat(opened).containsExactly("ok-1 locked");
        assertThat(lockFile("ok-1")).doesNotExist();
    }

    @Test
    void aFanOutChainsItsStagesNToNAndDefinesLocalCommands() {
        GraphHost host = host();
        RunState planned = host.plan(graph(ONE_STAGE.formatted(600)), dir, "fan-1");
        assertThat(planned.itemCount).isEqualTo(3);

        List<Map<String, Object>> stages = List.of(
                Map.of("name", "first", "jobDefinition", "one", "command", List.of("sh", "-c", "true")),
                Map.of("name", "second", "jobDefinition", "two:3", "command", List.of("sh", "-c", "true")));
        try (HostedRun run = host.extend(
                planned.storeUri,
                "fan-1",
                prior -> Extension.fanOut(prior, stages, Map.of("maxConcurrency", 2), null))) {
            assertThat(run.runToCompletion().outcome()).isEqualTo(Outcome.SUCCEEDED);
            GraphSpec graph = run.state().graph;
            assertThat(graph.stage("second").orElseThrow().dependsOn())
                    .extracting(StageDependency::stage, d -> String.valueOf(d.type()))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("first", "N_TO_N"));
            assertThat(graph.stage("second").orElseThrow().jobDefinition()).isEqualTo("two");
            assertThat(graph.jobDefinitions()).containsKeys("one", "two");
            assertThat(graph.stage("first").orElseThrow().consumableResource()).isNotNull();
        }
    }

    @Test
    void aFanOutErrorNamesTheCallersOwnStageAndOpensNoEngine() {
        GraphHost host = host();
        RunState planned = host.plan(graph(ONE_STAGE.formatted(600)), dir, "fan-2");
        opened.clear();
        List<Map<String, Object>> stages = List.of(
                Map.of("name", "first", "jobDefinition", "sh"),
                Map.of("name", "second", "jobDefinition", "sh", "timeout", 5));

        assertThatThrownBy(() -> host.extend(
                        planned.storeUri, "fan-2", prior -> Extension.fanOut(prior, stages, Map.of(), null)))
                .isInstanceOf(GraphValidationException.class)
                .hasMessageContaining("stages[1].timeout");
        assertThat(opened).isEmpty();
        assertThat(host.load(planned.storeUri, "fan-2").orElseThrow().graph.stages())
                .isEmpty();
    }

    @Test
    void anAggregateErrorNamesTheStepsOwnField() {
        GraphHost host = host();
        RunState planned = host.plan(graph(ONE_STAGE.formatted(600)), dir, "agg-1");

        assertThatThrownBy(() -> host.extend(
                        planned.storeUri,
                        "agg-1",
                        prior -> Extension.aggregate(
                                prior,
                                Map.of("jobDefinition", "sh", "command", List.of("true"), "count", 0),
                                List.of(),
                                null,
                                "awsBatchAggregate")))
                .isInstanceOf(GraphValidationException.class)
                .satisfies(e -> assertThat(((GraphValidationException) e).errors())
                        .allSatisfy(error -> assertThat(error.path()).doesNotStartWith("stages[")));
    }

    @Test
    void cleanupWritesTheRunUnderItsLock() {
        GraphHost host = host();
        RunState planned = host.plan(graph(ONE_STAGE.formatted(600)), dir, "clean-1");
        RunLayout layout = new RunLayout(planned.storeUri, "clean-1");
        RunLock earlier = RunLock.acquire(new LocalObjectStore(), layout, "an earlier writer", m -> {});

        RunState cleaned = host.cleanup(planned.storeUri, "clean-1");

        assertThat(earlier.isHeld()).as("cleanup took the run's lock over").isFalse();
        assertThat(cleaned.cleanup).isNotNull();
        assertThat(new RunJournal(new LocalObjectStore(), Json.mapper())
                        .load(layout)
                        .orElseThrow()
                        .cleanup)
                .isNotNull();
        assertThat(dir.resolve("runs").resolve("clean-1").resolve("items")).doesNotExist();
        assertThat(lockFile("clean-1")).doesNotExist();
        earlier.close();
    }

    private Path lockFile(String runId) {
        return LocalObjectStore.toPath(RunLock.uriOf(new RunLayout(LocalObjectStore.canonical(store()), runId)));
    }

    /** The local engine, polling fast, recording each opening. */
    private final class Access implements EngineAccess {
        @Override
        public LazyStores stores() {
            return EngineFactory.stores(EngineOptions.local());
        }

        @Override
        public RunEngine open(GraphSpec graph, String runId, Path baseDir) {
            boolean locked = Files.exists(lockFile(runId));
            opened.add(runId + (locked ? " locked" : " unlocked"));
            RunEngine engine = new EngineFactory(Clock.systemUTC())
                    .create(
                            graph,
                            runId,
                            baseDir,
                            new EngineOptions(EngineKind.LOCAL, null, null, null, null, 2),
                            RunListener.NONE);
            RunServices s = engine.services();
            RunServices fast = new RunServices(
                    s.batch(),
                    StoreResolver.localOnly(),
                    s.logs(),
                    s.calls(),
                    s.clock(),
                    s.sleeper(),
                    new PollSchedule(Duration.ofMillis(20), Duration.ofMillis(200), () -> 0.5),
                    s.listener(),
                    s.json(),
                    s.definitionNames(),
                    s.settings());
            return new RunEngine(fast, engine.resources());
        }
    }
}
