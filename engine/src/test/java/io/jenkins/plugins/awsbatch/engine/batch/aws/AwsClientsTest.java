package io.jenkins.plugins.awsbatch.engine.batch.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** Client-set construction without any network: settings, endpoints, and no secret in any text. */
class AwsClientsTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";
    private static final String TOKEN = "FwoGZXIvYXdzSESSIONTOKEN";

    @Test
    void secretsNeverAppearInAnyText() {
        CredentialsSpec keys = new CredentialsSpec.StaticKeys("AKIAIOSFODNN7EXAMPLE", SECRET, TOKEN);
        CredentialsSpec role = new CredentialsSpec.AssumeRole(
                keys, "arn:aws:iam::111111111111:role/batch", "ext-secret-id", "nightly", Duration.ofHours(2));
        ProxySettings proxy = new ProxySettings(URI.create("http://proxy:3128"), "me", "proxy-password", Set.of());
        AwsSettings settings = MotoSupport.settings("http://127.0.0.1:1")
                .credentials(role)
                .proxy(proxy)
                .build();
        try (AwsClients aws = AwsClients.create(settings, new CallCounter())) {
            for (String text : new String[] {
                keys.toString(), role.toString(), proxy.toString(), settings.toString(), aws.toString()
            }) {
                assertThat(text)
                        .doesNotContain(SECRET)
                        .doesNotContain(TOKEN)
                        .doesNotContain("ext-secret-id")
                        .doesNotContain("proxy-password")
                        .doesNotContain("AKIAIOSFODNN7EXAMPLE");
            }
            assertThat(role.toString())
                    .contains("arn:aws:iam::111111111111:role/batch", "nightly", "7200 s", "****MPLE");
        }
    }

    @Test
    void oneEndpointForAllServicesWithPerServiceOverrides() {
        AwsSettings settings = AwsSettings.builder()
                .region("eu-west-1")
                .endpointUrl("http://127.0.0.1:5000")
                .serviceEndpoint("S3", URI.create("http://127.0.0.1:9000"))
                .build();
        assertThat(settings.endpointFor("batch")).isEqualTo(URI.create("http://127.0.0.1:5000"));
        assertThat(settings.endpointFor("s3")).isEqualTo(URI.create("http://127.0.0.1:9000"));
        try (AwsClients aws = AwsClients.create(settings, new CallCounter())) {
            assertThat(aws.region()).isEqualTo(Region.EU_WEST_1);
            assertThat(aws.batch()).isSameAs(aws.batch());
            assertThat(aws.batchPacer().permitsPerSecond()).isEqualTo(AwsSettings.DEFAULT_BATCH_TPS);
            assertThat(aws.logsPacer().permitsPerSecond()).isEqualTo(AwsSettings.DEFAULT_LOGS_TPS);
        }
    }

    @Test
    void settingsAreCheckedWithTheFixNamed() {
        assertThatThrownBy(() -> AwsSettings.builder()
                        .serviceEndpoint("lambda", URI.create("http://x:1"))
                        .build())
                .hasMessageContaining("use one of batch, dynamodb, events, logs, s3, sns, sqs, sts");
        assertThatThrownBy(() ->
                        AwsSettings.builder().endpointUrl("127.0.0.1:5000").build())
                .hasMessageContaining("http://127.0.0.1:5000");
        assertThatThrownBy(() -> AwsSettings.builder().batchCallsPerSecond(60).build())
                .hasMessageContaining("50");
        assertThatThrownBy(() -> AwsSettings.builder().logsCallsPerSecond(11).build())
                .hasMessageContaining("10");
        assertThatThrownBy(
                        () -> new CredentialsSpec.AssumeRole(CredentialsSpec.defaultChain(), "role", null, null, null))
                .hasMessageContaining("arn:aws:iam::");
        assertThatThrownBy(() -> new CredentialsSpec.AssumeRole(
                        CredentialsSpec.defaultChain(), "arn:aws:iam::1:role/x", null, null, Duration.ofMinutes(5)))
                .hasMessageContaining("900 and 43200");
        assertThatThrownBy(() -> new CredentialsSpec.StaticKeys("AKIA", "", null))
                .hasMessageContaining("secret");
        assertThat(new CredentialsSpec.AssumeRole(
                        CredentialsSpec.defaultChain(), "arn:aws:iam::1:role/x", null, null, null))
                .satisfies(r -> {
                    assertThat(r.sessionName()).isEqualTo("batchgraph");
                    assertThat(r.duration()).isEqualTo(Duration.ofHours(1));
                });
        assertThat(Map.of()).isEmpty();
    }
}
