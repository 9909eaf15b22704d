package io.jenkins.plugins.awsbatch.config;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.exec.Settings;
import java.util.regex.Pattern;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins » System » AWS Batch Graph: defaults used by every step that does not set them. JCasC:
 * <pre>
 * unclassified:
 *   awsBatchGraph:
 *     allowLocalEngine: false
 *     engine: aws
 *     region: eu-west-1
 *     queue: default
 *     store: s3://my-bucket/batchgraph
 *     credentialsId: aws-batch
 *     allowControllerIdentity: false
 * </pre>
 */
@Extension
@Symbol("awsBatchGraph")
public class AwsBatchGraphConfiguration extends GlobalConfiguration {

    static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    static final Pattern STORE = Pattern.compile("(s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?|file:/.*)");

    private String engine = EngineKind.AWS.id();
    private String region;
    private String queue;
    private String store;
    private String credentialsId;
    private String roleArn;
    private String externalId;
    private boolean allowLocalEngine;
    private boolean allowControllerIdentity;

    public AwsBatchGraphConfiguration() {
        load();
    }

    public static AwsBatchGraphConfiguration get() {
        return ExtensionList.lookupSingleton(AwsBatchGraphConfiguration.class);
    }

    /** The defaults as {@link Settings} (identifiers only). */
    public Settings toSettings() {
        return new Settings(engine, region, queue, store, credentialsId, roleArn, externalId, null);
    }

    public String getEngine() {
        return engine;
    }

    /** {@code aws} (default) or {@code local}: the embedded engine, to try the plugin without an AWS account. */
    @DataBoundSetter
    public void setEngine(String engine) {
        String e = Settings.blankToNull(engine);
        this.engine = e == null ? EngineKind.AWS.id() : e.toLowerCase(java.util.Locale.ROOT);
        save();
    }

    public boolean isAllowLocalEngine() {
        return allowLocalEngine;
    }

    /**
     * Off by default. On, steps may use the local engine (every job a process of the controller, as the
     * controller's user) and {@code file:} stores (folders of the controller): every Pipeline author then has
     * that access. Pipeline authors cannot turn it on.
     */
    @DataBoundSetter
    public void setAllowLocalEngine(boolean allowLocalEngine) {
        this.allowLocalEngine = allowLocalEngine;
        save();
    }

    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = Settings.blankToNull(region);
        save();
    }

    public String getQueue() {
        return queue;
    }

    @DataBoundSetter
    public void setQueue(String queue) {
        this.queue = Settings.blankToNull(queue);
        save();
    }

    public String getStore() {
        return store;
    }

    @DataBoundSetter
    public void setStore(String store) {
        this.store = Settings.blankToNull(store);
        save();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Settings.blankToNull(credentialsId);
        save();
    }

    public String getRoleArn() {
        return roleArn;
    }

    @DataBoundSetter
    public void setRoleArn(String roleArn) {
        this.roleArn = Settings.blankToNull(roleArn);
        save();
    }

    public String getExternalId() {
        return externalId;
    }

    @DataBoundSetter
    public void setExternalId(String externalId) {
        this.externalId = Settings.blankToNull(externalId);
        save();
    }

    // ---- form support: administrators only, validation over POST ---------------------------------------

    public ListBoxModel doFillEngineItems() {
        ListBoxModel items = new ListBoxModel();
        items.add("AWS Batch", EngineKind.AWS.id());
        items.add("Local (embedded engine, no AWS account)", EngineKind.LOCAL.id());
        return items;
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return result.includeCurrentValue(credentialsId);
        }
        return result.includeEmptyValue()
                .includeAs(ACL.SYSTEM2, (Item) null, AmazonWebServicesCredentials.class)
                .includeCurrentValue(credentialsId);
    }

    @POST
    public FormValidation doCheckAllowLocalEngine(@QueryParameter boolean value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return checkAllowLocalEngine(value);
    }

    @POST
    public FormValidation doCheckRegion(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return checkRegion(value);
    }

    @POST
    public FormValidation doCheckStore(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return checkStore(value);
    }

    static FormValidation checkAllowLocalEngine(boolean value) {
        return value
                ? FormValidation.warning("Every Pipeline author may now run commands on this controller as the "
                        + "user Jenkins runs as, and read, write and delete its folders through file: stores")
                : FormValidation.ok();
    }

    static FormValidation checkRegion(String value) {
        String v = Settings.blankToNull(value);
        if (v == null) {
            return FormValidation.warning("No default region: steps then need region:, or AWS_REGION from withAWS");
        }
        return REGION.matcher(v).matches()
                ? FormValidation.ok()
                : FormValidation.error("Not an AWS region name such as eu-west-1");
    }

    static FormValidation checkStore(String value) {
        String v = Settings.blankToNull(value);
        if (v == null) {
            return FormValidation.ok();
        }
        return STORE.matcher(v).matches()
                ? FormValidation.ok()
                : FormValidation.error("Use s3://bucket/prefix or file:///path");
    }

    // ---- AWS-side failure events ---------------------------------------------------------------------------

    /** Off by default: JCasC {@code failureEvents: true}. */
    private boolean failureEvents;

    public boolean isFailureEvents() {
        return failureEvents;
    }

    /**
     * On: a run started by a step on the AWS engine with notify targets (the step's {@code notify:} or the graph
     * file's) sets up its graph's EventBridge rule, so Batch's own failure events reach those targets even while
     * Jenkins is down or no longer tracks the run.
     */
    @DataBoundSetter
    public void setFailureEvents(boolean failureEvents) {
        this.failureEvents = failureEvents;
        save();
    }

    // ---- the controller's own AWS identity ----------------------------------------------------------------

    public boolean isAllowControllerIdentity() {
        return allowControllerIdentity;
    }

    /**
     * Off by default. On, a step or trigger with no credentials id (its own or the default above) and no AWS
     * keys from {@code withAWS} uses the controller's own AWS identity: its default credentials chain (instance
     * role, container role, environment) or, under {@code withAWS(profile: ...)}, a profile of its files.
     */
    @DataBoundSetter
    public void setAllowControllerIdentity(boolean allowControllerIdentity) {
        this.allowControllerIdentity = allowControllerIdentity;
        save();
    }
}
