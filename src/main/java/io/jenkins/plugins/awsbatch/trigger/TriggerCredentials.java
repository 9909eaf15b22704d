package io.jenkins.plugins.awsbatch.trigger;

import io.jenkins.plugins.awsbatch.engine.batch.aws.CredentialsSpec;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The S3 trigger's AWS credentials: its own id, else the global default id, looked up as its job's builds would
 * (the job's authentication); without an id, the controller's own identity only where an administrator allowed
 * it. Jenkins-free, so the rule is tested offline.
 */
public final class TriggerCredentials {
    public static final String NO_CREDENTIALS = "no AWS credentials: choose 'AWS Credentials' in the trigger, set a "
            + "default in Manage Jenkins » System » AWS Batch Graph, or have an administrator check 'Allow the "
            + "controller's own AWS identity' there";

    private TriggerCredentials() {}

    /**
     * @param id      the trigger's credentials id, else the global default, or null
     * @param lookup  finds an id as the job's authentication; null when that authentication cannot see it
     * @param allowed whether the controller's own identity may be used
     * @param job     the job's name, for messages
     * @return the credentials, or null for the SDK's default chain (only when allowed)
     */
    public static CredentialsSpec choose(
            String id, Function<String, AwsCredentialsProvider> lookup, boolean allowed, String job) {
        if (id != null) {
            AwsCredentialsProvider found = lookup.apply(id);
            if (found == null) {
                throw new IllegalStateException("credentialsId '" + id + "': no 'AWS Credentials' with that id is "
                        + "visible to " + job + " (as the user its builds run as)");
            }
            return new CredentialsSpec.Provided(found, "Jenkins credentials '" + id + "'");
        }
        if (!allowed) {
            throw new IllegalStateException(NO_CREDENTIALS);
        }
        return null;
    }
}
