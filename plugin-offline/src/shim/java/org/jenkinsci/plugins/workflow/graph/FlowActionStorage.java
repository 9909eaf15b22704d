package org.jenkinsci.plugins.workflow.graph;

// mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/graph/FlowActionStorage.java
public interface FlowActionStorage {}
