package io.jenkins.plugins.awsbatch.engine.batch.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceEndpointsTest {
    private static final Map<String, String> ENV = Map.of(
            "AWS_ENDPOINT_URL", "http://common:1",
            "AWS_ENDPOINT_URL_S3", "http://s3:2",
            "AWS_ENDPOINT_URL_BATCH", "http://batch:3",
            "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "http://logs:4",
            "AWS_ENDPOINT_URL_EVENTBRIDGE", " ",
            "AWS_ENDPOINT_URL_LAMBDA", "http://not-ours:5");

    @Test
    void eachServiceTakesItsOwnVariableElseTheCommonOne() {
        ServiceEndpoints endpoints = ServiceEndpoints.fromEnvironment(ENV::get);
        assertThat(endpoints.services())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("s3", "http://s3:2", "batch", "http://batch:3", "logs", "http://logs:4"));
        assertThat(endpoints.endpointFor("s3")).isEqualTo("http://s3:2");
        assertThat(endpoints.endpointFor("dynamodb")).isEqualTo("http://common:1");
        assertThat(endpoints.endpointFor("events"))
                .as("a blank variable is unset")
                .isEqualTo("http://common:1");
        assertThat(endpoints.sourceOf("logs", "--endpoint-url")).isEqualTo("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS");
    }

    @Test
    void theSdksIgnoreSwitchIsHonoured() {
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.put("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        assertThat(ServiceEndpoints.fromEnvironment(env::get).isEmpty()).isTrue();
    }

    @Test
    void anEndpointGivenAsAnOptionWinsOverTheEnvironmentForEveryService() {
        EngineOptions given = new EngineOptions(EngineKind.AWS, null, "http://given:9", null, null, null);
        assertThat(given.withEnvironmentEndpoints(ENV::get)).isEqualTo(given);
        EngineOptions none =
                new EngineOptions(EngineKind.AWS, null, null, null, null, null).withEnvironmentEndpoints(ENV::get);
        assertThat(none.endpointFor("batch")).isEqualTo("http://batch:3");
        assertThat(none.endpointFor("sts")).isEqualTo("http://common:1");
    }

    @Test
    void aLaterCommandTakesWhatTheRunRecordedUnlessGivenOtherEndpoints() {
        Map<String, String> recorded = Map.of("batch", "http://batch:3", "s3", "http://s3:2");
        EngineOptions nothing = new EngineOptions(EngineKind.AWS, null, null, null, null, null);
        EngineOptions resumed = nothing.orRecorded("eu-west-1", null, recorded);
        assertThat(resumed.region()).isEqualTo("eu-west-1");
        assertThat(resumed.serviceEndpoints()).isEqualTo(recorded);

        EngineOptions s3Moved = nothing.withEndpoints(new ServiceEndpoints(null, Map.of("s3", "http://s3-new:7")))
                .orRecorded(null, null, recorded);
        assertThat(s3Moved.endpointFor("s3")).isEqualTo("http://s3-new:7");
        assertThat(s3Moved.endpointFor("batch")).isEqualTo("http://batch:3");

        EngineOptions everything = new EngineOptions(EngineKind.AWS, null, "http://given:9", null, null, null)
                .orRecorded(null, null, recorded);
        assertThat(everything.endpointFor("batch")).isEqualTo("http://given:9");
        assertThat(everything.serviceEndpoints()).isEmpty();
    }

    @Test
    void everyClientTheEngineBuildsUsesItsServicesEndpoint() {
        AwsSettings settings = new EngineOptions(
                        EngineKind.AWS, "us-east-1", null, null, new CredentialsSpec.StaticKeys("k", "s", null), null)
                .withEnvironmentEndpoints(ENV::get)
                .awsSettings()
                .build();
        for (String service : AwsSettings.SERVICES) {
            String expected = ServiceEndpoints.fromEnvironment(ENV::get).endpointFor(service);
            assertThat(settings.endpointFor(service)).as(service).hasToString(expected);
        }
        try (AwsClients clients =
                AwsClients.create(settings, new io.jenkins.plugins.awsbatch.engine.batch.CallCounter())) {
            assertThat(clients.s3().serviceClientConfiguration().endpointOverride())
                    .hasValueSatisfying(uri -> assertThat(uri).hasToString("http://s3:2"));
            assertThat(clients.batch().serviceClientConfiguration().endpointOverride())
                    .hasValueSatisfying(uri -> assertThat(uri).hasToString("http://batch:3"));
            assertThat(clients.logs().serviceClientConfiguration().endpointOverride())
                    .hasValueSatisfying(uri -> assertThat(uri).hasToString("http://logs:4"));
            assertThat(clients.dynamoDb().serviceClientConfiguration().endpointOverride())
                    .hasValueSatisfying(uri -> assertThat(uri).hasToString("http://common:1"));
        }
    }
}
