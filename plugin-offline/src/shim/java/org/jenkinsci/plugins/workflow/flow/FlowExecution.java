package org.jenkinsci.plugins.workflow.flow;

// mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/flow/FlowExecution.java
public abstract class FlowExecution {
}
