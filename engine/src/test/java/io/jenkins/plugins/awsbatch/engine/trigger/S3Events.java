package io.jenkins.plugins.awsbatch.engine.trigger;

/** S3 event notification bodies as S3 writes them. */
final class S3Events {
    private S3Events() {}

    static String created(String bucket, String encodedKey, String eTag, String sequencer) {
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
                "eventTime":"2025-01-01T12:00:00.000Z","eventName":"ObjectCreated:Put",
                "s3":{"s3SchemaVersion":"1.0","configurationId":"batchgraph",
                "bucket":{"name":"%s","arn":"arn:aws:s3:::%s"},
                "object":{"key":"%s","size":42,"eTag":"%s","sequencer":"%s"}}}]}
                """.formatted(bucket, bucket, encodedKey, eTag, sequencer);
    }

    static String testEvent(String bucket) {
        return """
                {"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2025-01-01T12:00:00.000Z","Bucket":"%s",
                "RequestId":"5582815E1AEA5ADF","HostId":"8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE"}
                """.formatted(bucket);
    }

    /** What SQS receives when S3 publishes to SNS and the queue subscribes without raw delivery. */
    static String inSnsEnvelope(String inner) {
        return """
                {"Type":"Notification","MessageId":"22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
                "TopicArn":"arn:aws:sns:us-east-1:123456789012:uploads","Subject":"Amazon S3 Notification",
                "Message":%s,"Timestamp":"2025-01-01T12:00:00.000Z"}
                """.formatted(com.fasterxml.jackson.databind.node.TextNode.valueOf(inner)
                .toString());
    }
}
