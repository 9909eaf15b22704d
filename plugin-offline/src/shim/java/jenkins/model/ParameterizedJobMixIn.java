package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Action;
import hudson.model.BuildableItem;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.QueueTaskFuture;
import hudson.triggers.Trigger;
import jenkins.triggers.TriggeredItem;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/ParameterizedJobMixIn.java
public abstract class ParameterizedJobMixIn<
        JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT> & Queue.Task,
        RunT extends Run<JobT, RunT> & Queue.Executable> {

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/ParameterizedJobMixIn.java
    public static @CheckForNull <T extends Trigger<?>> T getTrigger(Job<?, ?> job, Class<T> clazz) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/ParameterizedJobMixIn.java
    public static @CheckForNull Queue.Item scheduleBuild2(final Job<?, ?> job, int quietPeriod, Action... actions) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/ParameterizedJobMixIn.java
    public interface ParameterizedJob<
                    JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT> & Queue.Task,
                    RunT extends Run<JobT, RunT> & Queue.Executable>
            extends BuildableItem, TriggeredItem {

        // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/ParameterizedJobMixIn.java
        @CheckForNull
        default QueueTaskFuture<RunT> scheduleBuild2(int quietPeriod, Action... actions) {
            throw new UnsupportedOperationException("shim");
        }

        // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/ParameterizedJobMixIn.java
        default boolean isDisabled() {
            throw new UnsupportedOperationException("shim");
        }
    }
}
