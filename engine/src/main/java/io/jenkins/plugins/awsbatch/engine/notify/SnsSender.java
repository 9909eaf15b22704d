package io.jenkins.plugins.awsbatch.engine.notify;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Publishes the plain-text digest to an SNS topic (in the topic's region), with a short subject (SNS: under 100
 * characters, one line) and the String attributes {@code outcome}, {@code runId} and {@code runName}, so
 * subscriptions can filter on them.
 */
public final class SnsSender implements NotificationSender {
    static final int SUBJECT_LIMIT = 99;
    /** SNS takes 256 KiB; leave room for the attributes and multi-byte characters. */
    static final int MESSAGE_LIMIT_BYTES = 200 * 1024;

    private final SnsClients clients;
    private final String topicArn;

    public SnsSender(SnsClients clients, String topicArn) {
        if (topicArn == null || !topicArn.startsWith("arn:")) {
            throw new IllegalArgumentException(
                    "sns needs a topic ARN like arn:aws:sns:eu-west-1:123456789012:alerts, was " + topicArn);
        }
        this.clients = clients;
        this.topicArn = topicArn;
    }

    @Override
    public String target() {
        return "SNS topic " + topicArn;
    }

    @Override
    public String send(NotificationMessage message) throws NotificationException {
        PublishRequest request = PublishRequest.builder()
                .topicArn(topicArn)
                .subject(subject(message))
                .message(limit(PlainTextMessage.render(message)))
                .messageAttributes(Map.of(
                        "outcome", attribute(message.outcome().name()),
                        "runId", attribute(message.runId()),
                        "runName", attribute(message.runName())))
                .build();
        try {
            return "message id "
                    + clients.forRegion(topicRegion()).publish(request).messageId();
        } catch (SdkException e) {
            // SDK messages name the operation, status and request id; credentials never appear in them.
            throw new NotificationException(target() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new NotificationException(target() + ": " + e.getClass().getSimpleName());
        }
    }

    /** The topic's region, from its ARN ({@code arn:aws:sns:REGION:ACCOUNT:NAME}); null when the ARN has none. */
    private String topicRegion() {
        String[] arn = topicArn.split(":");
        return arn.length < 6 || arn[3].isEmpty() ? null : arn[3];
    }

    /** One line of printable characters, at most {@value #SUBJECT_LIMIT}. */
    static String subject(NotificationMessage message) {
        String s = message.subject().replaceAll("\\p{Cntrl}", " ").strip();
        return s.length() <= SUBJECT_LIMIT ? s : s.substring(0, SUBJECT_LIMIT - 3) + "...";
    }

    private static String limit(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MESSAGE_LIMIT_BYTES) {
            return text;
        }
        String cut = new String(bytes, 0, MESSAGE_LIMIT_BYTES, StandardCharsets.UTF_8);
        return cut.substring(0, cut.length() - 1) + "\n... (cut)";
    }

    private static MessageAttributeValue attribute(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value == null ? "-" : value)
                .build();
    }
}
