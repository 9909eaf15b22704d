package org.jenkinsci.plugins.workflow.job;

import hudson.model.Run;
import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;

// mirrors jenkinsci/workflow-job-plugin:src/main/java/org/jenkinsci/plugins/workflow/job/WorkflowRun.java
public final class WorkflowRun extends Run<WorkflowJob, WorkflowRun> implements FlowExecutionOwner.Executable {

    // mirrors jenkinsci/workflow-job-plugin:src/main/java/org/jenkinsci/plugins/workflow/job/WorkflowRun.java
    public WorkflowRun(WorkflowJob job) throws IOException {
        super(job);
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/workflow-job-plugin:src/main/java/org/jenkinsci/plugins/workflow/job/WorkflowRun.java
    public synchronized HttpResponse doStop() {
        throw new UnsupportedOperationException("shim");
    }
}
