package org.jenkinsci.plugins.workflow.graph;

// mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/graph/GraphLookupView.java
public interface GraphLookupView {}
