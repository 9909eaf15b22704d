package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.run.RunResult;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;

/** Sends the run's notifications, if the graph declares any; a failed delivery is reported, never fatal. */
final class RunNotifications {
    private final GraphSpec graph;
    private final RunListener listener;

    RunNotifications(GraphSpec graph, RunListener listener) {
        this.graph = graph;
        this.listener = listener;
    }

    void send(RunResult result) {
        if (graph.notifications() == null) {
            return;
        }
        listener.message("notifications: not sent (the notifier is not wired into the CLI yet)");
    }
}
