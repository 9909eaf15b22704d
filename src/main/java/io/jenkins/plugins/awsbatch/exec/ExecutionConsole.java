package io.jenkins.plugins.awsbatch.exec;

import hudson.model.TaskListener;
import java.io.IOException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A step execution's console: its lines (to the Jenkins log when the build's console is gone) and its submissions,
 * each announced once. How many were announced is saved with the execution as its field {@code announced}.
 */
final class ExecutionConsole {
    private static final Logger LOGGER = Logger.getLogger(GraphStepExecution.class.getName());

    private final Supplier<StepContext> context;
    private int announced;

    ExecutionConsole(Supplier<StepContext> context, int announced) {
        this.context = context;
        this.announced = announced;
    }

    void log(String line) {
        TaskListener l = listener();
        if (l != null) {
            l.getLogger().println(line);
        } else {
            LOGGER.info(line);
        }
    }

    /** Prints the submissions of {@code journal} not printed yet, with links to the AWS console on AWS. */
    synchronized void announce(Journal journal, Settings settings) {
        announced = SubmissionLog.announce(listener(), journal.getEntries(), announced, settings);
    }

    synchronized int announced() {
        return announced;
    }

    private TaskListener listener() {
        try {
            return context.get().get(TaskListener.class);
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }
}
