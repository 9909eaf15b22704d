package io.jenkins.plugins.awsbatch.engine.batch.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** Assume-role through moto's STS: external id, session name and duration are sent; calls run as the role. */
class AssumeRoleMotoTest {

    @Test
    void runsAsTheAssumedRole() throws Exception {
        String moto = MotoSupport.endpoint();
        CallCounter calls = new CallCounter();
        String roleArn = "arn:aws:iam::" + MotoSupport.ACCOUNT + ":role/" + MotoSupport.unique("batchgraph-runner");
        CredentialsSpec role = new CredentialsSpec.AssumeRole(
                new CredentialsSpec.StaticKeys("testing", "testing", null),
                roleArn,
                "ext-1234",
                "nightly-run",
                Duration.ofMinutes(20));
        try (FaultInjectingProxy recorder = new FaultInjectingProxy(moto, 0);
                AwsClients aws = AwsClients.create(
                        MotoSupport.settings(recorder.endpoint())
                                .credentials(role)
                                .build(),
                        calls)) {
            var identity = aws.sts().getCallerIdentity();
            assertThat(identity.arn())
                    .endsWith(":assumed-role/" + roleArn.substring(roleArn.lastIndexOf('/') + 1) + "/nightly-run");
            assertThat(aws.credentials().resolveCredentials()).isInstanceOf(AwsSessionCredentials.class);
            assertThat(aws.credentials().resolveCredentials().accessKeyId()).isNotEqualTo("testing");

            // The same session serves later calls (refreshed only near expiry).
            aws.s3().listBuckets();
            aws.sts().getCallerIdentity();
            assertThat(calls.get("AssumeRole")).isEqualTo(1);
            assertThat(calls.get("GetCallerIdentity")).isEqualTo(2);

            List<String> assumeBodies = recorder.recorded().stream()
                    .map(FaultInjectingProxy.Recorded::body)
                    .filter(b -> b.contains("Action=AssumeRole"))
                    .map(b -> URLDecoder.decode(b, StandardCharsets.UTF_8))
                    .toList();
            assertThat(assumeBodies)
                    .singleElement()
                    .satisfies(b -> assertThat(b)
                            .contains(
                                    "RoleArn=" + roleArn,
                                    "ExternalId=ext-1234",
                                    "RoleSessionName=nightly-run",
                                    "DurationSeconds=1200"));
        }
        assertThat(new ObjectMapper()).isNotNull();
    }
}
