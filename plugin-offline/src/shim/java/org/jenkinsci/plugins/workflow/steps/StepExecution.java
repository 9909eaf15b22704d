package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

// mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java
public abstract class StepExecution implements Serializable {

    // mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java
    // (the field the real constructor sets; kept so fake contexts work)
    private final StepContext context;

    // mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java
    protected StepExecution(@NonNull StepContext context) {
        this.context = context;
    }

    // mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java
    public @NonNull StepContext getContext() {
        return context;
    }

    // mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java
    public abstract boolean start() throws Exception;

    // mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java
    public void stop(@NonNull Throwable cause) throws Exception {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java
    public void onResume() {}

    // mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java
    public @CheckForNull String getStatus() {
        return null;
    }

    // mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java
    public boolean blocksRestart() {
        return false;
    }
}
