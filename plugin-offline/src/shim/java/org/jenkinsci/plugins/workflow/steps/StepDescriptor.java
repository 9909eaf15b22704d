package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

// mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/StepDescriptor.java
public abstract class StepDescriptor extends Descriptor<Step> {

    // mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/StepDescriptor.java
    public abstract Set<? extends Class<?>> getRequiredContext();

    // mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/StepDescriptor.java
    public abstract String getFunctionName();
}
