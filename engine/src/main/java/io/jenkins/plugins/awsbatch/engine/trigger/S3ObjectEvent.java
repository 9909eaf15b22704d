package io.jenkins.plugins.awsbatch.engine.trigger;

/**
 * One object that arrived in S3, as an event notification told it.
 *
 * @param key       decoded (S3 notifications URL-encode it: "in/a+b.csv" is "in/a b.csv")
 * @param eTag      may be null (e.g. for some multipart uploads in older event versions)
 * @param sequencer orders events of the same key; may be null
 * @param eventName e.g. {@code ObjectCreated:Put}
 */
public record S3ObjectEvent(
        String bucket, String key, long size, String eTag, String sequencer, String eventName, String eventTime) {

    /**
     * What makes two events the same object: bucket, key and ETag (same content), else the sequencer (same
     * write). S3 may deliver one event twice, and a re-upload of identical content is not new work.
     */
    public String identity() {
        String version = eTag != null && !eTag.isBlank()
                ? "etag:" + eTag
                : sequencer != null && !sequencer.isBlank() ? "seq:" + sequencer : "none";
        return bucket + "/" + key + "#" + version;
    }

    public String uri() {
        return "s3://" + bucket + "/" + key;
    }

    public boolean isCreation() {
        return eventName == null || eventName.startsWith("ObjectCreated");
    }
}
