package io.jenkins.plugins.awsbatch.engine.run;

import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.graph.GraphBinder;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.submit.JobNames;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunSettings;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.track.PollSchedule;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Runs YAML graphs on the real local engine in a temporary folder, polling fast. */
public final class LocalRunHarness {
    public final Path dir;
    public final List<String> messages = new CopyOnWriteArrayList<>();

    int slots = 2;
    RunSettings settings = RunSettings.defaults();

    public LocalRunHarness(Path dir) {
        this.dir = dir;
    }

    /** The graph as the CLI prepares it for the local engine (maxConcurrency through a consumable resource). */
    public GraphSpec graph(String yaml) {
        return EngineFactory.withLocalConcurrencyResources(rawGraph(yaml));
    }

    /** The graph as AWS would get it without a consumable resource: maxConcurrency through waves. */
    public GraphSpec rawGraph(String yaml) {
        GraphSpec graph = new GraphBinder().parse(yaml, List.of());
        return graph.withStore(LocalObjectStore.toUri(dir.resolve("runs")));
    }

    public RunResult run(GraphSpec graph) {
        String runId = JobNames.newRunId(graph.name(), java.time.Instant.now());
        try (RunEngine engine = engine(graph, runId)) {
            return GraphRunner.start(engine.services(), graph, dir, runId).runToCompletion();
        }
    }

    public RunEngine engine(GraphSpec graph, String runId) {
        RunListener listener = new RunListener() {
            @Override
            public void message(String line) {
                messages.add(line);
            }
        };
        RunEngine engine = new EngineFactory(Clock.systemUTC())
                .create(
                        graph,
                        runId,
                        dir,
                        new EngineOptions(EngineKind.LOCAL, null, null, null, null, slots),
                        listener);
        RunServices fast = new RunServices(
                engine.services().batch(),
                engine.services().stores(),
                engine.services().logs(),
                engine.services().calls(),
                engine.services().clock(),
                engine.services().sleeper(),
                new PollSchedule(Duration.ofMillis(20), Duration.ofMillis(200), () -> 0.5),
                listener,
                engine.services().json(),
                engine.services().definitionNames(),
                settings);
        return new RunEngine(fast, engine.resources());
    }

    public RunResult run(String yaml) {
        return run(graph(yaml));
    }

    public Path runFolder(RunResult result) {
        return LocalObjectStore.toPath(result.runUri());
    }
}
