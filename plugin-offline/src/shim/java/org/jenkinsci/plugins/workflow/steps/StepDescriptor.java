package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Descriptor;
import java.util.Map;
import java.util.Set;

// mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/StepDescriptor.java
public abstract class StepDescriptor extends Descriptor<Step> {

    // mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/StepDescriptor.java
    public abstract Set<? extends Class<?>> getRequiredContext();

    // mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/StepDescriptor.java
    public abstract String getFunctionName();

    // mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/StepDescriptor.java
    @CheckForNull
    public String argumentsToString(@NonNull Map<String, Object> namedArgs) {
        throw new UnsupportedOperationException("shim");
    }
}
