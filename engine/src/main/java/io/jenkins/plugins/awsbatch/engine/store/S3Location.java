package io.jenkins.plugins.awsbatch.engine.store;

/** An {@code s3://bucket/key} URI split into bucket and key (the key has no leading {@code /}, may be empty). */
public record S3Location(String bucket, String key) {

    public static S3Location parse(String uri) {
        if (uri == null || !uri.startsWith("s3://")) {
            throw new IllegalArgumentException("not an S3 URI (s3://bucket/key): " + uri);
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("S3 URI without a bucket: " + uri);
        }
        return new S3Location(bucket, key);
    }

    /** The key as a listing prefix: empty, or ending in {@code /}. */
    public String keyPrefix() {
        return key.isEmpty() || key.endsWith("/") ? key : key + "/";
    }

    public String uri() {
        return "s3://" + bucket + "/" + key;
    }
}
