package org.jenkinsci.plugins.workflow.actions;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Result;

// mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/actions/WarningAction.java
public class WarningAction implements PersistentAction {

    // mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/actions/WarningAction.java (a
    // plain value, kept so offline tests can read what a step recorded)
    private @NonNull Result result;

    // mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/actions/WarningAction.java
    private @CheckForNull String message;

    // mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/actions/WarningAction.java
    public WarningAction(@NonNull Result result) {
        this.result = result;
    }

    // mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/actions/WarningAction.java
    public WarningAction withMessage(String message) {
        this.message = message;
        return this;
    }

    // mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/actions/WarningAction.java
    public @CheckForNull String getMessage() {
        return message;
    }

    // mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/actions/WarningAction.java
    public @NonNull Result getResult() {
        return result;
    }

    // mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/actions/WarningAction.java
    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/actions/WarningAction.java
    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/actions/WarningAction.java
    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("shim");
    }
}
