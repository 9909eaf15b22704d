package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body of at most {@code limit} bytes. A larger body is read to its end and dropped (so the
 * client gets the 400 answer instead of a reset connection) unless it exceeds {@code drainLimit}, where the
 * connection is given up.
 */
final class BodyReader {
    /** Past this, an oversize body is not drained any further. */
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private BodyReader() {}

    static byte[] read(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 8192));
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total <= limit) {
                out.write(buffer, 0, n);
            } else if (total > DRAIN_LIMIT) {
                break;
            }
        }
        if (total > limit) {
            throw ApiException.client("Request body too large: the limit is " + limit + " bytes.");
        }
        return out.toByteArray();
    }
}
