package io.jenkins.plugins.awsbatch.steps;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Shared descriptor of the aws-batch-graph steps: they need only a {@link Run} and a {@link TaskListener}
 * (no node, no workspace: nothing holds an executor while AWS Batch works), and share the credentials and
 * region form support.
 */
public abstract class AwsBatchStepDescriptor extends StepDescriptor {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class);
    }

    /** What Pipeline views show next to the step's name: its file or name, run, stages, items. */
    @Override
    public String argumentsToString(Map<String, Object> namedArgs) {
        return StepSummary.of(namedArgs);
    }

    /**
     * Lists AWS credentials for the Snippet Generator: only to users who may configure the job (or use its
     * credentials), and only over POST.
     */
    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (item == null) {
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                return result.includeCurrentValue(credentialsId);
            }
        } else if (!item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
            return result.includeCurrentValue(credentialsId);
        }
        return result.includeEmptyValue()
                .includeAs(ACL.SYSTEM2, item, AmazonWebServicesCredentials.class)
                .includeCurrentValue(credentialsId);
    }

    public ListBoxModel doFillEngineItems() {
        ListBoxModel items = new ListBoxModel();
        items.add("(global default)", "");
        items.add("AWS Batch", EngineKind.AWS.id());
        items.add("Local (embedded engine)", EngineKind.LOCAL.id());
        return items;
    }

    /** Checks a region name; no side effect, but POST like every validation of this plugin. */
    @POST
    public FormValidation doCheckRegion(@AncestorInPath Item item, @QueryParameter String value) {
        if (item != null) {
            item.checkPermission(Item.CONFIGURE);
        } else {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        }
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        return REGION.matcher(value.trim()).matches()
                ? FormValidation.ok()
                : FormValidation.error("Not an AWS region name such as eu-west-1");
    }
}
