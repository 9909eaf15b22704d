package io.jenkins.plugins.casc.misc;

import org.jvnet.hudson.test.JenkinsRule;

// mirrors
// jenkinsci/configuration-as-code-plugin:test-harness/src/main/java/io/jenkins/plugins/casc/misc/JenkinsConfiguredRule.java
public class JenkinsConfiguredRule extends JenkinsRule {

    // mirrors
    // jenkinsci/configuration-as-code-plugin:test-harness/src/main/java/io/jenkins/plugins/casc/misc/JenkinsConfiguredRule.java
    public String exportToString(boolean strict) throws Exception {
        throw new UnsupportedOperationException("shim");
    }
}
