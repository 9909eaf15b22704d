package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageType;
import java.util.Set;
import java.util.stream.Collectors;

/** The stages whose output is the run's result (kept by cleanup): aggregate and single stages. */
final class ResultStages {
    private ResultStages() {}

    static Set<String> of(GraphSpec graph) {
        return graph.stages().stream()
                .filter(s -> s.type() == StageType.AGGREGATE || s.type() == StageType.SINGLE)
                .map(s -> s.name())
                .collect(Collectors.toSet());
    }
}
