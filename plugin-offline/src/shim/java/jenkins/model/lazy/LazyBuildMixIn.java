package jenkins.model.lazy;

import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/lazy/LazyBuildMixIn.java
public abstract class LazyBuildMixIn<
        JobT extends Job<JobT, RunT> & Queue.Task & LazyBuildMixIn.LazyLoadingJob<JobT, RunT>,
        RunT extends Run<JobT, RunT> & LazyBuildMixIn.LazyLoadingRun<JobT, RunT>> {

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/lazy/LazyBuildMixIn.java
    protected LazyBuildMixIn() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/lazy/LazyBuildMixIn.java
    public interface LazyLoadingJob<
            JobT extends Job<JobT, RunT> & Queue.Task & LazyBuildMixIn.LazyLoadingJob<JobT, RunT>,
            RunT extends Run<JobT, RunT> & LazyLoadingRun<JobT, RunT>> {}

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/lazy/LazyBuildMixIn.java
    public interface LazyLoadingRun<
            JobT extends Job<JobT, RunT> & Queue.Task & LazyBuildMixIn.LazyLoadingJob<JobT, RunT>,
            RunT extends Run<JobT, RunT> & LazyLoadingRun<JobT, RunT>> {}
}
