package org.jenkinsci.plugins.workflow.cps;

import hudson.model.Descriptor;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;
import org.kohsuke.stapler.DataBoundConstructor;

// mirrors jenkinsci/workflow-cps-plugin:plugin/src/main/java/org/jenkinsci/plugins/workflow/cps/CpsFlowDefinition.java
public class CpsFlowDefinition extends FlowDefinition {

    // mirrors
    // jenkinsci/workflow-cps-plugin:plugin/src/main/java/org/jenkinsci/plugins/workflow/cps/CpsFlowDefinition.java
    @DataBoundConstructor
    public CpsFlowDefinition(String script, boolean sandbox) throws Descriptor.FormException {
        throw new UnsupportedOperationException("shim");
    }
}
