package io.jenkins.plugins.casc.misc;

// mirrors
// jenkinsci/configuration-as-code-plugin:test-harness/src/main/java/io/jenkins/plugins/casc/misc/JenkinsConfiguredWithCodeRule.java
public class JenkinsConfiguredWithCodeRule extends JenkinsConfiguredRule {}
