package io.jenkins.plugins.awsbatch.engine.batch;

/**
 * AWS Batch's {@code ClientException}: the request was wrong (unknown queue, bad array size, ...). The
 * message uses AWS's wording so users recognise it from either engine.
 */
public class BatchClientException extends RuntimeException {
    public BatchClientException(String message) {
        super(message);
    }

    public BatchClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
