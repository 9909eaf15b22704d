package org.jvnet.hudson.test;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Label;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.RootAction;
import hudson.model.Run;
import hudson.model.TopLevelItem;
import hudson.security.AbstractPasswordBasedSecurityRealm;
import hudson.slaves.DumbSlave;
import java.io.IOException;
import java.net.URL;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;
import org.htmlunit.html.HtmlPage;
import org.junit.rules.MethodRule;
import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.FrameworkMethod;
import org.junit.runners.model.Statement;
import org.xml.sax.SAXException;

// mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
@SuppressWarnings({"deprecation", "rawtypes"})
public class JenkinsRule implements TestRule, MethodRule, RootAction {

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
    public Jenkins jenkins;

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
    @Override
    public Statement apply(final Statement base, final Description description) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
    @Override
    public Statement apply(Statement base, FrameworkMethod method, Object target) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
    public DumbSlave createOnlineSlave(@CheckForNull Label l) throws Exception {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
    public <T extends TopLevelItem> T createProject(Class<T> type, String name) throws IOException {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
    public <R extends Run> R assertBuildStatus(Result status, R r) throws Exception {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
    @NonNull
    public <J extends Job<J, R> & ParameterizedJobMixIn.ParameterizedJob<J, R>, R extends Run<J, R> & Queue.Executable>
            R buildAndAssertSuccess(@NonNull J job) throws Exception {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
    public void assertLogContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
    public void assertLogNotContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
    public static String getLog(Run run) throws IOException {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
    public <R extends Run<?, ?>> R waitForCompletion(R r) throws InterruptedException {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
    public <R extends Run<?, ?>> R waitForMessage(String message, R r) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
    public URL getURL() throws IOException {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
    public <P extends Item> P configRoundtrip(P job) throws Exception {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
    public DummySecurityRealm createDummySecurityRealm() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
    public static class DummySecurityRealm extends AbstractPasswordBasedSecurityRealm {

        DummySecurityRealm() {}
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
    public WebClient createWebClient() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
    public class WebClient extends org.htmlunit.WebClient {

        // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
        public WebClient() {
            throw new UnsupportedOperationException("shim");
        }

        // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
        public WebClient login(String username) throws Exception {
            throw new UnsupportedOperationException("shim");
        }

        // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
        public WebClient withThrowExceptionOnFailingStatusCode(boolean enabled) {
            throw new UnsupportedOperationException("shim");
        }

        // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
        public HtmlPage getPage(Run r, String relative) throws IOException, SAXException {
            throw new UnsupportedOperationException("shim");
        }

        // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
        public HtmlPage goTo(String relative) throws IOException, SAXException {
            throw new UnsupportedOperationException("shim");
        }

        // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
        public URL createCrumbedUrl(String relativePath) throws IOException {
            throw new UnsupportedOperationException("shim");
        }
    }
}
