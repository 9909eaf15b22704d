package io.jenkins.plugins.awsbatch.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.aws.CredentialsSpec;
import io.jenkins.plugins.awsbatch.engine.batch.aws.MotoSupport;
import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.graph.GraphBinder;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A run on AWS with notify sets its graph's rule up itself; what stops it is a line, never the run's end. */
class GraphEventRulesMotoTest {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final RunListener listener = new RunListener() {
        @Override
        public void message(String line) {
            lines.add(line);
        }
    };

    private RunEngine engine(GraphSpec graph) {
        return new EngineFactory(Clock.systemUTC())
                .create(
                        graph,
                        "run-1",
                        Path.of("."),
                        new EngineOptions(
                                EngineKind.AWS,
                                MotoSupport.REGION,
                                MotoSupport.endpoint(),
                                null,
                                new CredentialsSpec.StaticKeys("testing", "testing", null),
                                null),
                        listener);
    }

    private static GraphSpec graph(String name, String queue) {
        return new GraphBinder().parse("""
                name: %s
                engine: aws
                store: s3://b/runs
                queue: %s
                plan: {items: {list: [a]}}
                stages: [{name: s, jobDefinition: sh}]
                notify: {onFailure: [{email: {to: [ops@example.com], smtpHost: smtp.example.com}}]}
                """.formatted(name, queue), List.of());
    }

    @Test
    void theRunSetsTheRuleUpOnceAndThenFindsItUnchanged() {
        String name = MotoSupport.unique("run");
        GraphSpec graph = graph(name, "arn:aws:batch:us-east-1:123456789012:job-queue/fast");
        try (RunEngine engine = engine(graph)) {
            GraphEventRules.ensureForRun(graph, engine, listener);
            GraphEventRules.ensureForRun(graph, engine, listener);
        }

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .startsWith("failure events: rule batchgraph-" + name + " sends to arn:aws:sns:")
                .contains("created rule");
        assertThat(lines.get(1)).endsWith("(unchanged)");
    }

    @Test
    void aQueueBatchDoesNotKnowIsOneLineAndNothingIsCreated() {
        String name = MotoSupport.unique("run");
        GraphSpec graph = graph(name, MotoSupport.unique("nosuch"));
        try (RunEngine engine = engine(graph)) {
            GraphEventRules.ensureForRun(graph, engine, listener);
        }

        assertThat(lines)
                .singleElement()
                .asString()
                .startsWith("failure events not set up (the run's own notification still comes at its end)")
                .contains("is not a job queue here");
    }
}
