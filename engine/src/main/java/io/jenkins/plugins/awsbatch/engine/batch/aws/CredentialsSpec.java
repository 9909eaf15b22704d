package io.jenkins.plugins.awsbatch.engine.batch.aws;

import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Where a run's AWS credentials come from. Secrets never appear in {@code toString()}, so a spec can be
 * logged or put in an exception message safely.
 */
public sealed interface CredentialsSpec {

    /** The SDK's default chain (environment, system properties, web identity, profile, container, instance). */
    record DefaultChain(String profile) implements CredentialsSpec {
        @Override
        public String toString() {
            return "default credentials chain" + (profile == null ? "" : " (profile " + profile + ")");
        }
    }

    /** Static keys, e.g. from Jenkins credentials or a test. */
    record StaticKeys(String accessKeyId, String secretAccessKey, String sessionToken) implements CredentialsSpec {
        public StaticKeys {
            if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
                throw new IllegalArgumentException(
                        "static AWS credentials need both an access key id and a secret key");
            }
        }

        @Override
        public String toString() {
            return "static keys (access key " + mask(accessKeyId) + (sessionToken == null ? "" : ", with session token")
                    + ")";
        }
    }

    /** A provider made elsewhere (the Jenkins plugin's AmazonWebServicesCredentials speak SDK v2). */
    record Provided(AwsCredentialsProvider provider, String description) implements CredentialsSpec {
        public Provided {
            Objects.requireNonNull(provider, "provider");
        }

        @Override
        public String toString() {
            return description == null ? "provided credentials" : description;
        }
    }

    /**
     * Assume {@code roleArn} with the {@code base} credentials through STS; refreshed automatically before the
     * session expires, so runs may outlast {@code duration}.
     */
    record AssumeRole(CredentialsSpec base, String roleArn, String externalId, String sessionName, Duration duration)
            implements CredentialsSpec {
        public static final Duration MIN_DURATION = Duration.ofMinutes(15);
        public static final Duration MAX_DURATION = Duration.ofHours(12);
        public static final String DEFAULT_SESSION_NAME = "batchgraph";

        public AssumeRole {
            Objects.requireNonNull(base, "base");
            if (roleArn == null || !roleArn.startsWith("arn:")) {
                throw new IllegalArgumentException(
                        "roleArn must be a role ARN like arn:aws:iam::123456789012:role/Name, was " + roleArn);
            }
            if (sessionName == null || sessionName.isBlank()) {
                sessionName = DEFAULT_SESSION_NAME;
            }
            if (!sessionName.matches("[\\w+=,.@-]{2,64}")) {
                throw new IllegalArgumentException("role session name must be 2-64 characters of letters, digits and "
                        + "+=,.@_-, was '" + sessionName + "'");
            }
            if (duration == null) {
                duration = Duration.ofHours(1);
            }
            if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException(
                        "role session duration must be between 900 and 43200 seconds, was " + duration.toSeconds());
            }
        }

        @Override
        public String toString() {
            return "assume role " + roleArn + " (session " + sessionName + ", " + duration.toSeconds() + " s"
                    + (externalId == null ? "" : ", external id ****") + ") from " + base;
        }
    }

    static CredentialsSpec defaultChain() {
        return new DefaultChain(null);
    }

    private static String mask(String key) {
        return key.length() <= 4 ? "****" : "****" + key.substring(key.length() - 4);
    }
}
