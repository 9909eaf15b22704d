package io.jenkins.plugins.awsbatch.trigger;

/** S3 event notification bodies as S3 sends them to SQS. */
final class S3Events {
    private S3Events() {}

    static String created(String bucket, String key, String eTag) {
        return "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"eu-west-1\","
                + "\"eventTime\":\"2025-01-01T12:00:00.000Z\",\"eventName\":\"ObjectCreated:Put\","
                + "\"s3\":{\"s3SchemaVersion\":\"1.0\",\"bucket\":{\"name\":\"" + bucket + "\"},"
                + "\"object\":{\"key\":\"" + key + "\",\"size\":42,\"eTag\":\"" + eTag + "\","
                + "\"sequencer\":\"0055AED6DCD90281E5\"}}}]}";
    }

    static String testEvent(String bucket) {
        return "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"2025-01-01T12:00:00.000Z\","
                + "\"Bucket\":\"" + bucket + "\",\"RequestId\":\"X\",\"HostId\":\"Y\"}";
    }
}
