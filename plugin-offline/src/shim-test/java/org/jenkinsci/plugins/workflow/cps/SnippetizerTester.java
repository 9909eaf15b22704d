package org.jenkinsci.plugins.workflow.cps;

import hudson.model.Describable;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jvnet.hudson.test.JenkinsRule;

// mirrors jenkinsci/workflow-cps-plugin:plugin/src/test/java/org/jenkinsci/plugins/workflow/cps/SnippetizerTester.java
public class SnippetizerTester {

    // mirrors
    // jenkinsci/workflow-cps-plugin:plugin/src/test/java/org/jenkinsci/plugins/workflow/cps/SnippetizerTester.java
    public SnippetizerTester(JenkinsRule r) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors
    // jenkinsci/workflow-cps-plugin:plugin/src/test/java/org/jenkinsci/plugins/workflow/cps/SnippetizerTester.java
    public void assertRoundTrip(Step step, String expected) throws Exception {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors
    // jenkinsci/workflow-cps-plugin:plugin/src/test/java/org/jenkinsci/plugins/workflow/cps/SnippetizerTester.java
    @SuppressWarnings("unchecked")
    public static void assertDocGeneration(Class<? extends Describable> describableClass) throws Exception {
        throw new UnsupportedOperationException("shim");
    }
}
