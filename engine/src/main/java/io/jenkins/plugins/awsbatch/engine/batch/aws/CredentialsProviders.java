package io.jenkins.plugins.awsbatch.engine.batch.aws;

import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/** Turns a {@link CredentialsSpec} into an SDK credentials provider. */
public final class CredentialsProviders {
    private CredentialsProviders() {}

    /**
     * @param stsFor builds the STS client that assumes a role, from the base credentials (same region,
     *               endpoint, proxy and call counting as the run's other clients); its owner closes it
     */
    public static AwsCredentialsProvider create(
            CredentialsSpec spec, Function<AwsCredentialsProvider, StsClient> stsFor) {
        if (spec instanceof CredentialsSpec.DefaultChain chain) {
            DefaultCredentialsProvider.Builder b = DefaultCredentialsProvider.builder();
            if (chain.profile() != null) {
                b.profileName(chain.profile());
            }
            return b.build();
        }
        if (spec instanceof CredentialsSpec.StaticKeys keys) {
            return StaticCredentialsProvider.create(
                    keys.sessionToken() == null
                            ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
                            : AwsSessionCredentials.create(
                                    keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken()));
        }
        if (spec instanceof CredentialsSpec.Provided provided) {
            return provided.provider();
        }
        CredentialsSpec.AssumeRole role = (CredentialsSpec.AssumeRole) spec;
        AwsCredentialsProvider base = create(role.base(), stsFor);
        StsClient sts = stsFor.apply(base);
        // The provider refreshes the session before it expires (prefetch), so a run may outlast the duration.
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .asyncCredentialUpdateEnabled(false)
                .refreshRequest(r -> {
                    r.roleArn(role.roleArn())
                            .roleSessionName(role.sessionName())
                            .durationSeconds((int) role.duration().toSeconds());
                    if (role.externalId() != null) {
                        r.externalId(role.externalId());
                    }
                })
                .build();
    }
}
