package io.jenkins.plugins.awsbatch.engine.notify;

import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The SNS clients a run may publish with: SNS publishes to a topic in the topic's own region only, so a topic in
 * another region needs a client of that region, made with the run's credentials, endpoint and HTTP client (so
 * its proxy too): {@code AwsClients::sns}.
 */
@FunctionalInterface
public interface SnsClients {
    /** A client of {@code region} (a region id such as {@code eu-west-1}); null: the run's own region. */
    SnsClient forRegion(String region);
}
