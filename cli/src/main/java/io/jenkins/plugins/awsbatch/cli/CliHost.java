package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.host.EngineAccess;
import io.jenkins.plugins.awsbatch.engine.host.GraphHost;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import io.jenkins.plugins.awsbatch.engine.run.wiring.LazyStores;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.nio.file.Path;

/** The engine host of a command: engines from the command's options; bad engine settings are invalid input (exit 2). */
final class CliHost {
    private CliHost() {}

    /**
     * @param baseDir where relative paths resolve for a run that recorded none
     */
    static GraphHost of(EngineOptions options, RunListener progress, String command, Path baseDir) {
        EngineAccess engines = EngineAccess.of(options, progress);
        EngineAccess access = new EngineAccess() {
            @Override
            public LazyStores stores() {
                return engines.stores();
            }

            @Override
            public RunEngine open(GraphSpec graph, String runId, Path runBaseDir) {
                try {
                    return engines.open(graph, runId, runBaseDir != null ? runBaseDir : baseDir);
                } catch (IllegalArgumentException e) {
                    throw new CliException(e.getMessage() + " (nothing was submitted)", BatchGraphCli.EXIT_INVALID);
                }
            }
        };
        return new GraphHost(access, progress, "batchgraph " + command);
    }
}
