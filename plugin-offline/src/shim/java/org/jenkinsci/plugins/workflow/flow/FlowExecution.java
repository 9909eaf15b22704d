package org.jenkinsci.plugins.workflow.flow;

import org.jenkinsci.plugins.workflow.graph.FlowActionStorage;
import org.jenkinsci.plugins.workflow.graph.GraphLookupView;

// mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/flow/FlowExecution.java
public abstract class FlowExecution implements FlowActionStorage, GraphLookupView {}
