package io.jenkins.plugins.awsbatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.config.AwsBatchGraphConfiguration;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import org.junit.jupiter.api.Test;

/**
 * JCasC import of the global configuration ({@code unclassified: awsBatchGraph:}) from
 * {@code casc.yaml}, and its export. Runs in a real Jenkins (profile "jenkins"); compiled, never run, by
 * plugin-offline.
 */
@WithJenkinsConfiguredWithCode
class AwsBatchConfigurationCascTest {

    @Test
    @ConfiguredWithCode("casc.yaml")
    void importsTheGlobalConfiguration(JenkinsConfiguredWithCodeRule r) throws Exception {
        AwsBatchGraphConfiguration c = AwsBatchGraphConfiguration.get();
        assertThat(c.getEngine()).isEqualTo("local");
        assertThat(c.isAllowLocalEngine()).isTrue();
        assertThat(c.getRegion()).isEqualTo("eu-west-1");
        assertThat(c.getQueue()).isEqualTo("graph-queue");
        assertThat(c.getStore()).isEqualTo("s3://example-bucket/batchgraph");
        assertThat(c.getCredentialsId()).isEqualTo("aws-batch");
        assertThat(c.getRoleArn()).isEqualTo("arn:aws:iam::123456789012:role/batch-graph");
        assertThat(c.getExternalId()).isEqualTo("jenkins-ci");
        assertThat(c.isFailureEvents()).isTrue();
        assertThat(c.isAllowControllerIdentity()).isTrue();
        assertThat(r.exportToString(false)).contains("awsBatchGraph:").contains("region: \"eu-west-1\"");
    }
}
