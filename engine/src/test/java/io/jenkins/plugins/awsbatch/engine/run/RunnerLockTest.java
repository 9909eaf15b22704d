package io.jenkins.plugins.awsbatch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.lock.RunLock;
import io.jenkins.plugins.awsbatch.engine.lock.RunLockLostException;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunJournal;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner holds its run's lock from start to end, and a runner that lost it stops at once. */
class RunnerLockTest {
    @TempDir
    Path dir;

    private static final String GRAPH = """
            name: t
            plan: {items: {list: [1, 2, 3]}}
            jobDefinitions: {sh: {command: [sh, -c, 'sleep 1']}}
            stages:
              - {name: a, jobDefinition: sh}
            """;

    @Test
    void theLockIsHeldWhileTheRunRunsAndReleasedWhenItEnds() throws Exception {
        LocalRunHarness harness = new LocalRunHarness(dir);
        GraphSpec graph = harness.graph(GRAPH);
        Path lockFile = LocalObjectStore.toPath(RunLock.uriOf(new RunLayout(graph.storeOrDefault(), "held")));
        try (RunEngine engine = harness.engine(graph, "held")) {
            GraphRunner runner = GraphRunner.start(engine.services(), graph, dir, "held");
            runner.step();
            assertThat(Files.readString(lockFile))
                    .contains("\"command\" : \"engine start\"")
                    .contains("\"pid\" : " + ProcessHandle.current().pid());
            assertThat(runner.runToCompletion().outcome()).isEqualTo(Outcome.SUCCEEDED);
        }
        assertThat(lockFile).doesNotExist();
    }

    @Test
    void aRunnerWhoseRunWasResumedElsewhereStopsAtItsNextStepWithoutRetrying() throws Exception {
        LocalRunHarness harness = new LocalRunHarness(dir);
        GraphSpec graph = harness.graph(GRAPH);
        try (RunEngine engine = harness.engine(graph, "taken")) {
            GraphRunner first = GraphRunner.start(engine.services(), graph, dir, "taken");
            first.step();
            RunState reloaded = new RunJournal(new LocalObjectStore(), Json.mapper())
                    .load(new RunLayout(first.state().storeUri, "taken"))
                    .orElseThrow();
            GraphRunner second = GraphRunner.resume(engine.services(), reloaded);

            assertThatThrownBy(first::step)
                    .isInstanceOf(RunLockLostException.class)
                    .hasMessageContaining("run taken: this process no longer holds the run's lock");
            assertThat(second.runToCompletion().outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(harness.messages)
                    .anyMatch(m -> m.contains("taking over the lock from an earlier runner in this process"));
        }
    }
}
