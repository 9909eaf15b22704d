package io.jenkins.plugins.awsbatch.notify;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.awsbatch.engine.notify.Secret;
import io.jenkins.plugins.awsbatch.engine.notify.TargetSenders;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * {@link NotifyLookups} for a build: Slack webhook URLs from secret-text ({@link StringCredentials})
 * credentials visible to the build (tracked as used by it), and the build's URL ({@code BUILD_URL} of its
 * environment, else {@link Run#getAbsoluteUrl()}). Email targets fall back to the Mailer plugin's SMTP configuration
 * ({@link MailerSmtpDefaults}) for the fields they leave out.
 */
public final class JenkinsNotifyLookups implements NotifyLookups {
    private final String buildId;
    private final Map<String, String> environment;

    /** @param buildId {@link Run#getExternalizableId()} of the build */
    public JenkinsNotifyLookups(String buildId, Map<String, String> environment) {
        this.buildId = buildId;
        this.environment = environment == null ? Map.of() : environment;
    }

    /**
     * The build, looked up as the system: this runs on the plugin's background pool, whose threads carry no user,
     * and {@link Run#fromExternalizableId} only finds jobs the current authentication may read (none, for
     * anonymous on a secured Jenkins). The credentials lookup that follows still uses the build's own
     * authentication.
     */
    private Run<?, ?> run() {
        if (buildId == null) {
            return null;
        }
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            return Run.fromExternalizableId(buildId);
        }
    }

    @Override
    public Secret secretText(String credentialsId) {
        Run<?, ?> run = run();
        if (run == null) {
            return null;
        }
        StringCredentials c = CredentialsProvider.findCredentialById(credentialsId, StringCredentials.class, run);
        if (c == null) {
            return null;
        }
        CredentialsProvider.track(run, c);
        return new Secret(c.getSecret().getPlainText(), "credentials '" + credentialsId + "'");
    }

    @Override
    public TargetSenders.SmtpDefaults smtpDefaults() {
        return MailerSmtpDefaults.fromJenkins();
    }

    @Override
    @SuppressWarnings("deprecation")
    public String buildUrl() {
        String fromEnv = environment.get("BUILD_URL");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Run<?, ?> run = run();
        try {
            return run == null ? null : run.getAbsoluteUrl();
        } catch (IllegalStateException noRootUrl) {
            return null;
        }
    }
}
