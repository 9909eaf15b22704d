package io.jenkins.plugins.awsbatch.trigger;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.triggers.Trigger;
import hudson.triggers.TriggerDescriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.awsbatch.config.AwsBatchGraphConfiguration;
import io.jenkins.plugins.awsbatch.config.JenkinsProxy;
import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsSettings;
import io.jenkins.plugins.awsbatch.engine.batch.aws.CredentialsSpec;
import io.jenkins.plugins.awsbatch.engine.trigger.FileSeenObjects;
import io.jenkins.plugins.awsbatch.engine.trigger.ObjectFilter;
import io.jenkins.plugins.awsbatch.engine.trigger.S3EventWatcher;
import io.jenkins.plugins.awsbatch.exec.Settings;
import java.io.File;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.core.Authentication;

/**
 * {@code triggers { awsBatchS3Trigger(queueUrl: 'https://sqs.eu-west-1.amazonaws.com/123/inbox', prefix: 'in/') }}:
 * one build per new S3 object, from the S3 event notifications on an SQS queue. Each build gets the
 * parameters {@code S3_BUCKET}, {@code S3_KEY} and {@code S3_ETAG} and an {@link S3ObjectCause}.
 * <p>
 * A daemon thread per job long-polls the queue (never an executor); {@link #stop()} ends it. A message is
 * deleted only after its builds are in the queue, so a crash or a refused build loses nothing; objects already
 * started are remembered (bucket, key, ETag) in {@code <job>/awsBatchS3Trigger-seen.txt}, so a redelivered
 * event starts nothing twice. Test events and malformed messages are logged and deleted.
 */
public class AwsBatchS3Trigger extends Trigger<Job<?, ?>> {
    private static final Logger LOGGER = Logger.getLogger(AwsBatchS3Trigger.class.getName());
    static final String SEEN_FILE = "awsBatchS3Trigger-seen.txt";

    private final String queueUrl;
    private String bucket;
    private String prefix;
    private String suffix;
    private String region;
    private String credentialsId;
    private String endpointUrl;

    private transient volatile S3TriggerLoop loop;

    @DataBoundConstructor
    public AwsBatchS3Trigger(String queueUrl) {
        this.queueUrl = queueUrl == null ? null : queueUrl.trim();
    }

    public String getQueueUrl() {
        return queueUrl;
    }

    public String getBucket() {
        return bucket;
    }

    /** Only objects of this bucket (default: any bucket that notifies the queue). */
    @DataBoundSetter
    public void setBucket(String bucket) {
        this.bucket = Settings.blankToNull(bucket);
    }

    public String getPrefix() {
        return prefix;
    }

    /** Only keys starting with this, e.g. {@code in/}. */
    @DataBoundSetter
    public void setPrefix(String prefix) {
        this.prefix = prefix == null || prefix.isEmpty() ? null : prefix;
    }

    public String getSuffix() {
        return suffix;
    }

    /** Only keys ending with this, e.g. {@code .xlsx}. */
    @DataBoundSetter
    public void setSuffix(String suffix) {
        this.suffix = suffix == null || suffix.isEmpty() ? null : suffix;
    }

    public String getRegion() {
        return region;
    }

    /** The queue's region; default: the global configuration's, else the SDK's. */
    @DataBoundSetter
    public void setRegion(String region) {
        this.region = Settings.blankToNull(region);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** An 'AWS Credentials' id; default: the global configuration's, else the controller's default chain. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Settings.blankToNull(credentialsId);
    }

    public String getEndpointUrl() {
        return endpointUrl;
    }

    /** Another SQS endpoint (a VPC endpoint, LocalStack, moto). */
    @DataBoundSetter
    public void setEndpointUrl(String endpointUrl) {
        this.endpointUrl = Settings.blankToNull(endpointUrl);
    }

    /** Which objects start a build. */
    public ObjectFilter filter() {
        return new ObjectFilter(bucket, prefix, suffix);
    }

    @Override
    public void start(Job<?, ?> project, boolean newInstance) {
        super.start(project, newInstance);
        stopLoop();
        if (queueUrl == null || queueUrl.isEmpty()) {
            LOGGER.warning(() -> "awsBatchS3Trigger of " + project + " has no queueUrl; not polling");
            return;
        }
        String name = String.valueOf(project);
        java.util.function.Consumer<String> log =
                line -> LOGGER.log(Level.INFO, "awsBatchS3Trigger {0}: {1}", new Object[] {name, line});
        File seenFile = new File(project.getRootDir(), SEEN_FILE);
        S3BuildHandler handler = new S3BuildHandler(name, new JobBuildScheduler(project), log);
        S3TriggerLoop l = new S3TriggerLoop(
                        "awsBatchS3Trigger " + name + " <- " + queueUrl,
                        () -> connect(project),
                        sqs -> new S3EventWatcher(sqs, queueUrl, filter(), new FileSeenObjects(seenFile.toPath()), log),
                        handler,
                        log)
                .pausedWhile(() -> project instanceof ParameterizedJobMixIn.ParameterizedJob<?, ?> p && p.isDisabled());
        loop = l;
        l.start();
        log.accept("polling " + queueUrl + " for " + filter());
    }

    @Override
    public void stop() {
        stopLoop();
    }

    /** Whether a polling thread runs for this trigger (started and not stopped). */
    public boolean isPolling() {
        S3TriggerLoop l = loop;
        return l != null && !l.isStopped();
    }

    private void stopLoop() {
        S3TriggerLoop l = loop;
        loop = null;
        if (l != null) {
            l.stop();
        }
    }

    /** The queue's client, with the trigger's (or the global) region and credentials. Never prints a key. */
    private S3TriggerLoop.Connection connect(Job<?, ?> project) throws Exception {
        AwsBatchGraphConfiguration global = AwsBatchGraphConfiguration.get();
        Settings defaults = global.toSettings();
        String effectiveRegion = region != null ? region : defaults.getRegion();
        String id = credentialsId != null ? credentialsId : defaults.getCredentialsId();
        CredentialsSpec credentials = TriggerCredentials.choose(
                id,
                wanted -> CredentialsProvider.findCredentialByIdInItem(
                        wanted, AmazonWebServicesCredentials.class, project, authenticationOf(project), List.of()),
                global.isAllowControllerIdentity(),
                String.valueOf(project));
        AwsClients clients = AwsClients.create(
                AwsSettings.builder()
                        .region(effectiveRegion)
                        .endpointUrl(endpointUrl)
                        .credentials(credentials)
                        .proxy(JenkinsProxy.current())
                        .build(),
                new CallCounter());
        return new S3TriggerLoop.Connection(clients.sqs(), clients);
    }

    /** Who the job's builds run as (Authorize Project, else SYSTEM): the trigger sees the credentials they see. */
    static Authentication authenticationOf(Job<?, ?> job) {
        return job instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }

    @Extension
    @Symbol("awsBatchS3Trigger")
    public static class DescriptorImpl extends TriggerDescriptor {

        @Override
        public boolean isApplicable(Item item) {
            return item instanceof ParameterizedJobMixIn.ParameterizedJob;
        }

        @Override
        public String getDisplayName() {
            return "AWS Batch graph: build when an object arrives in S3 (S3 events on SQS)";
        }

        /**
         * The 'AWS Credentials' the job's builds can use (as the job's authentication, like the trigger's own
         * lookup), for those who may configure the job; others see only the current value. POST only.
         */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            StandardListBoxModel result = new StandardListBoxModel();
            if (item == null ? !Jenkins.get().hasPermission(Jenkins.ADMINISTER) : !item.hasPermission(Item.CONFIGURE)) {
                return result.includeCurrentValue(credentialsId);
            }
            Authentication as = item instanceof Job<?, ?> job ? authenticationOf(job) : ACL.SYSTEM2;
            return result.includeEmptyValue()
                    .includeAs(as, item, AmazonWebServicesCredentials.class)
                    .includeCurrentValue(credentialsId);
        }

        /** Checks the queue URL's form; like every validation of this plugin, POST and for job configurers only. */
        @POST
        public FormValidation doCheckQueueUrl(@AncestorInPath Item item, @QueryParameter String value) {
            if (item == null ? !Jenkins.get().hasPermission(Jenkins.ADMINISTER) : !item.hasPermission(Item.CONFIGURE)) {
                return FormValidation.ok();
            }
            return checkQueueUrl(value);
        }

        static FormValidation checkQueueUrl(String value) {
            String v = value == null ? "" : value.trim();
            if (v.isEmpty()) {
                return FormValidation.error("The SQS queue URL is required, e.g. "
                        + "https://sqs.eu-west-1.amazonaws.com/123456789012/inbox");
            }
            if (!v.startsWith("https://") && !v.startsWith("http://")) {
                return FormValidation.error(
                        "A queue URL (https://sqs.REGION.amazonaws.com/ACCOUNT/NAME), not a name or ARN");
            }
            return FormValidation.ok();
        }
    }
}
