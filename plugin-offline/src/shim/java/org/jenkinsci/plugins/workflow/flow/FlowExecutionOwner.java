package org.jenkinsci.plugins.workflow.flow;

import hudson.model.Queue;

// mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/flow/FlowExecutionOwner.java
public abstract class FlowExecutionOwner {

    // mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/flow/FlowExecutionOwner.java
    public interface Executable extends Queue.Executable {
    }
}
