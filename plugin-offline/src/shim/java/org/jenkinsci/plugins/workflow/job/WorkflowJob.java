package org.jenkinsci.plugins.workflow.job;

import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.TopLevelItem;
import jenkins.model.ParameterizedJobMixIn;
import jenkins.model.lazy.LazyBuildMixIn;
import jenkins.triggers.SCMTriggerItem;
import org.jenkinsci.plugins.workflow.flow.BlockableResume;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

// mirrors jenkinsci/workflow-job-plugin:src/main/java/org/jenkinsci/plugins/workflow/job/WorkflowJob.java
public final class WorkflowJob extends Job<WorkflowJob, WorkflowRun>
        implements LazyBuildMixIn.LazyLoadingJob<WorkflowJob, WorkflowRun>,
                ParameterizedJobMixIn.ParameterizedJob<WorkflowJob, WorkflowRun>,
                TopLevelItem,
                Queue.FlyweightTask,
                SCMTriggerItem,
                BlockableResume {

    // mirrors jenkinsci/workflow-job-plugin:src/main/java/org/jenkinsci/plugins/workflow/job/WorkflowJob.java
    public WorkflowJob(ItemGroup parent, String name) {
        super(parent, name);
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/workflow-job-plugin:src/main/java/org/jenkinsci/plugins/workflow/job/WorkflowJob.java
    public void setDefinition(FlowDefinition definition) {
        throw new UnsupportedOperationException("shim");
    }
}
