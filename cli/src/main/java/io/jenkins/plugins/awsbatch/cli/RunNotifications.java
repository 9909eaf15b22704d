package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.notify.Notifier;
import io.jenkins.plugins.awsbatch.engine.notify.TargetSenders;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;

/**
 * Sends the run's one notification per configured target, if the graph declares any. A failed delivery is
 * reported on stderr and never changes the exit code. AWS clients (for SNS) are made only when needed.
 */
final class RunNotifications {
    private final GraphSpec graph;
    private final RunListener listener;
    private final EngineOptionsMixin engineOptions;

    RunNotifications(GraphSpec graph, RunListener listener, EngineOptionsMixin engineOptions) {
        this.graph = graph;
        this.listener = listener;
        this.engineOptions = engineOptions;
    }

    void send(RunResult result) {
        if (graph.notifications() == null) {
            return;
        }
        AwsClients[] aws = {null};
        try {
            TargetSenders senders = TargetSenders.builder()
                    .sns(topicRegion -> {
                        if (aws[0] == null) {
                            aws[0] = AwsClients.create(
                                    engineOptions
                                            .toOptions()
                                            .awsSettings()
                                            .region(
                                                    engineOptions.region != null
                                                            ? engineOptions.region
                                                            : graph.region())
                                            .build(),
                                    new CallCounter());
                        }
                        return aws[0].sns(topicRegion);
                    })
                    .build();
            new Notifier(senders, listener).notify(result, graph.notifications(), null);
        } finally {
            if (aws[0] != null) {
                aws[0].close();
            }
        }
    }
}
