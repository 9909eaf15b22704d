package io.jenkins.plugins.awsbatch.creds;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.awsbatch.exec.Settings;
import java.io.PrintStream;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Finds the AWS credentials of a step, in this order:
 * <ol>
 * <li>the step's {@code credentialsId}: an aws-credentials {@link AmazonWebServicesCredentials}, which is
 * itself an SDK v2 {@link AwsCredentialsProvider};</li>
 * <li>the environment of an enclosing {@code withAWS} / {@code withCredentials} block
 * ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN});</li>
 * <li>the global configuration's credentials id;</li>
 * <li>only where an administrator allowed the controller's own AWS identity: the profile {@code withAWS(profile:)}
 * set ({@code AWS_PROFILE}, read from the controller's AWS files), else null: the SDK's default chain of the
 * controller (instance profile, container role, ...);</li>
 * <li>otherwise the step fails, naming the fixes.</li>
 * </ol>
 * A credentials id is looked up with {@link CredentialsProvider#findCredentialById(String, Class, Run)}: as the
 * build's authentication, in the job's folders and globally.
 * An optional role ({@code roleArn}, {@code externalId}) is assumed by the engine on top of what is found.
 * Only where the credentials came from is printed, never a key.
 */
public final class AwsCredentialsResolver {
    private AwsCredentialsResolver() {}

    /** Why a step or trigger without credentials stops, and the ways out. */
    public static final String NO_CREDENTIALS = "no AWS credentials: set credentialsId: to an 'AWS Credentials' id, "
            + "wrap the step in withAWS(credentials: ...), set a default in Manage Jenkins » System » AWS Batch Graph, "
            + "or have an administrator check 'Allow the controller's own AWS identity' there";

    public static AwsCredentialsProvider resolve(
            Run<?, ?> run,
            Settings explicit,
            Settings effective,
            Map<String, String> environment,
            PrintStream logger,
            boolean controllerIdentityAllowed)
            throws AbortException {
        String stepId = explicit.getCredentialsId();
        if (stepId != null) {
            return lookup(run, stepId, logger);
        }
        AwsCredentialsProvider fromEnv = fromEnvironment(environment);
        if (fromEnv != null) {
            logger.println("AWS credentials: from the environment of the enclosing block (withAWS/withCredentials)");
            return fromEnv;
        }
        String configId = effective.getCredentialsId();
        if (configId != null) {
            return lookup(run, configId, logger);
        }
        String profile = environment == null ? null : Settings.blankToNull(environment.get("AWS_PROFILE"));
        if (!controllerIdentityAllowed) {
            throw new AbortException(
                    profile == null
                            ? NO_CREDENTIALS
                            : "AWS_PROFILE '" + profile + "' names a profile of the controller's own AWS files; "
                                    + NO_CREDENTIALS);
        }
        if (profile != null) {
            logger.println("AWS credentials: profile '" + profile + "' of the Jenkins controller (withAWS)");
            return ProfileCredentialsProvider.create(profile);
        }
        logger.println("AWS credentials: the default credentials chain of the Jenkins controller");
        return null;
    }

    private static AwsCredentialsProvider lookup(Run<?, ?> run, String id, PrintStream logger) throws AbortException {
        if (run == null) {
            throw new AbortException("credentialsId '" + id + "' cannot be looked up outside a build");
        }
        AmazonWebServicesCredentials c =
                CredentialsProvider.findCredentialById(id, AmazonWebServicesCredentials.class, run);
        if (c == null) {
            throw new AbortException("credentialsId '" + id + "': no 'AWS Credentials' with that id is visible "
                    + "to this build; create one (kind 'AWS Credentials') or fix the id");
        }
        CredentialsProvider.track(run, c);
        logger.println("AWS credentials: Jenkins credentials '" + id + "'");
        return c;
    }

    /** Static credentials from {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY}, or null. */
    public static AwsCredentialsProvider fromEnvironment(Map<String, String> env) {
        if (env == null) {
            return null;
        }
        String key = Settings.blankToNull(env.get("AWS_ACCESS_KEY_ID"));
        String secret = Settings.blankToNull(env.get("AWS_SECRET_ACCESS_KEY"));
        if (key == null || secret == null) {
            return null;
        }
        String token = Settings.blankToNull(env.get("AWS_SESSION_TOKEN"));
        return StaticCredentialsProvider.create(
                token == null
                        ? AwsBasicCredentials.create(key, secret)
                        : AwsSessionCredentials.create(key, secret, token));
    }
}
