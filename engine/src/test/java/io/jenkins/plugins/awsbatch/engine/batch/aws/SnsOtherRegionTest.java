package io.jenkins.plugins.awsbatch.engine.batch.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * SNS publishes to a topic in the topic's own region only: the client of another region is made from the run's
 * client set, so it keeps the run's proxy, credentials and endpoint (it once had a plain HTTP client, no proxy).
 */
class SnsOtherRegionTest {
    private HttpServer proxy;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void recordingProxy() throws Exception {
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            seen.add(exchange.getRequestHeaders().getFirst("Host") + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(403, -1);
            exchange.close();
        });
        proxy.start();
    }

    @AfterEach
    void stop() {
        proxy.stop(0);
    }

    @Test
    void aClientOfTheTopicsRegionGoesThroughTheRunsProxyWithItsCredentials() {
        ProxySettings viaProxy = new ProxySettings(
                URI.create("http://127.0.0.1:" + proxy.getAddress().getPort()), null, null, Set.of());
        AwsSettings settings = MotoSupport.settings("http://sns.example.invalid:4566")
                .proxy(viaProxy)
                .maxAttempts(1)
                .build();
        try (AwsClients aws = AwsClients.create(settings, new CallCounter())) {
            var frankfurt = aws.sns("eu-central-1");
            assertThat(frankfurt.serviceClientConfiguration().region()).isEqualTo(Region.EU_CENTRAL_1);
            assertThat(aws.sns("eu-central-1")).as("made once per region").isSameAs(frankfurt);
            assertThat(aws.sns(MotoSupport.REGION)).as("the run's own region").isSameAs(aws.sns());
            assertThat(aws.sns(null)).isSameAs(aws.sns());

            assertThatThrownBy(() -> frankfurt.publish(
                    b -> b.topicArn("arn:aws:sns:eu-central-1:123456789012:t").message("m")));
        }
        assertThat(seen)
                .as("requests the proxy saw")
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line)
                        .startsWith("sns.example.invalid:4566 ")
                        .contains("Credential=testing/")
                        .contains("/eu-central-1/sns/"));
    }
}
