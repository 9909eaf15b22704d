package org.jenkinsci.plugins.workflow.job;

import hudson.model.Run;
import java.io.IOException;
import jenkins.model.lazy.LazyBuildMixIn;
import jenkins.scm.RunWithSCM;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.interceptor.RequirePOST;

// mirrors jenkinsci/workflow-job-plugin:src/main/java/org/jenkinsci/plugins/workflow/job/WorkflowRun.java
public final class WorkflowRun extends Run<WorkflowJob, WorkflowRun>
        implements FlowExecutionOwner.Executable,
                LazyBuildMixIn.LazyLoadingRun<WorkflowJob, WorkflowRun>,
                RunWithSCM<WorkflowJob, WorkflowRun> {

    // mirrors jenkinsci/workflow-job-plugin:src/main/java/org/jenkinsci/plugins/workflow/job/WorkflowRun.java
    public WorkflowRun(WorkflowJob job) throws IOException {
        super(job);
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/workflow-job-plugin:src/main/java/org/jenkinsci/plugins/workflow/job/WorkflowRun.java
    @Override
    public void run() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/workflow-job-plugin:src/main/java/org/jenkinsci/plugins/workflow/job/WorkflowRun.java
    @RequirePOST
    public synchronized HttpResponse doStop() {
        throw new UnsupportedOperationException("shim");
    }
}
