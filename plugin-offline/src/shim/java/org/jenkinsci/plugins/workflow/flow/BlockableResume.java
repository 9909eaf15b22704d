package org.jenkinsci.plugins.workflow.flow;

// mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/flow/BlockableResume.java
public interface BlockableResume {}
