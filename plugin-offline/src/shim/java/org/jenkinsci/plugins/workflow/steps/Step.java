package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

// mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/Step.java
public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {

    // mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/Step.java
    public abstract StepExecution start(StepContext context) throws Exception;

    // mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/Step.java
    @Override
    public StepDescriptor getDescriptor() {
        throw new UnsupportedOperationException("shim");
    }
}
