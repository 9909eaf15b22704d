package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Action;

// mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/actions/PersistentAction.java
public interface PersistentAction extends Action {}
