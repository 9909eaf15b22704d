package io.jenkins.plugins.awsbatch.engine.trigger;

/**
 * Which objects start work: an optional bucket, key prefix and key suffix; object creations only, and never the
 * zero-byte "folder/" markers the S3 console creates.
 */
public record ObjectFilter(String bucket, String prefix, String suffix) {
    public static final ObjectFilter ANY = new ObjectFilter(null, null, null);

    public boolean matches(S3ObjectEvent event) {
        return event.isCreation()
                && !event.key().endsWith("/")
                && (bucket == null || bucket.isEmpty() || bucket.equals(event.bucket()))
                && (prefix == null || event.key().startsWith(prefix))
                && (suffix == null || event.key().endsWith(suffix));
    }

    @Override
    public String toString() {
        return "s3://" + (bucket == null || bucket.isEmpty() ? "*" : bucket) + "/" + (prefix == null ? "" : prefix)
                + "*" + (suffix == null ? "" : suffix);
    }
}
