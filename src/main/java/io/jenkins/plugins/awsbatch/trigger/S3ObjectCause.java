package io.jenkins.plugins.awsbatch.trigger;

import hudson.model.Cause;
import java.util.Objects;

/** "Started by S3 object s3://bucket/key": why an {@code awsBatchS3Trigger} build ran. Plain data (persisted with the build). */
public class S3ObjectCause extends Cause {
    private final String bucket;
    private final String key;
    private final String eTag;

    public S3ObjectCause(String bucket, String key, String eTag) {
        this.bucket = bucket;
        this.key = key;
        this.eTag = eTag;
    }

    public String getBucket() {
        return bucket;
    }

    public String getKey() {
        return key;
    }

    public String getETag() {
        return eTag;
    }

    @Override
    public String getShortDescription() {
        return "Started by S3 object s3://" + bucket + "/" + key + (eTag == null ? "" : " (ETag " + eTag + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof S3ObjectCause c
                && Objects.equals(bucket, c.bucket)
                && Objects.equals(key, c.key)
                && Objects.equals(eTag, c.eTag);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bucket, key, eTag);
    }
}
