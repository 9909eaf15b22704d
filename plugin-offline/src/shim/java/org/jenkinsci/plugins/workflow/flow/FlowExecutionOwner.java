package org.jenkinsci.plugins.workflow.flow;

import hudson.model.Queue;
import java.io.Serializable;

// mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/flow/FlowExecutionOwner.java
public abstract class FlowExecutionOwner implements Serializable {

    // mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/flow/FlowExecutionOwner.java
    public interface Executable extends Queue.Executable {}
}
