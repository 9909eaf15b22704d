package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.config.AwsBatchGraphConfiguration;
import io.jenkins.plugins.awsbatch.engine.events.GraphEventRules;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.NotifySpec;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import io.jenkins.plugins.awsbatch.exec.GraphRequest;
import io.jenkins.plugins.awsbatch.notify.NotifyArguments;
import java.util.function.BooleanSupplier;

/**
 * The global option "set up AWS-side failure events for runs with notify": once a run has started, the graph's
 * EventBridge rule is made sure of (as {@code batchgraph run} does), so a failed job is told even when Jenkins no
 * longer tracks the run. The notify targets are the step's {@code notify:} argument, else the graph file's.
 */
public final class FailureEvents {
    /** Sets up the rule of a run's graph; the engine's {@link GraphEventRules#ensureForRun} in production. */
    @FunctionalInterface
    public interface Setup {
        void ensureForRun(GraphSpec graph, RunEngine engine, RunListener listener);
    }

    public static final FailureEvents OFF = new FailureEvents(() -> false, null);

    /** The administrator's choice in Manage Jenkins » System (off by default), read when a run with notify starts. */
    public static final FailureEvents GLOBAL =
            new FailureEvents(() -> AwsBatchGraphConfiguration.get().isFailureEvents(), GraphEventRules::ensureForRun);

    private final BooleanSupplier option;
    private final Setup setup;

    private FailureEvents(BooleanSupplier option, Setup setup) {
        this.option = option;
        this.setup = setup;
    }

    /** {@code setup} for runs with notify targets, when {@code option} says so. */
    public static FailureEvents whenEnabled(BooleanSupplier option, Setup setup) {
        return new FailureEvents(option, setup);
    }

    /** After the run of {@code graph} started on {@code engine}; never fails the run. */
    void runStarted(GraphRequest request, GraphSpec graph, RunEngine engine, RunListener listener) {
        NotifySpec stepNotify;
        try {
            stepNotify = NotifyArguments.parse(request.getArguments().get("notify"));
        } catch (IllegalArgumentException e) {
            stepNotify = null; // the step reports a bad notify: at the run's end
        }
        GraphSpec withTargets = stepNotify == null ? graph : graph.withNotifications(stepNotify);
        NotifySpec targets = withTargets.notifications();
        if (targets == null
                || targets.onFailure().isEmpty() && targets.onSuccess().isEmpty()) {
            return; // nothing to tell: the option is not even read
        }
        if (option.getAsBoolean()) {
            setup.ensureForRun(withTargets, engine, listener);
        }
    }
}
