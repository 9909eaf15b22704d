package jenkins.scm;

import hudson.model.Job;
import hudson.model.Run;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/scm/RunWithSCM.java
public interface RunWithSCM<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT> & RunWithSCM<JobT, RunT>> {}
