package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import io.jenkins.plugins.awsbatch.engine.batch.BatchClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever an operation threw into the error AWS would answer: the engine's {@link BatchClientException}
 * (AWS's own wording) becomes a 400 {@code ClientException}; anything unexpected a 500 {@code ServerException}
 * whose message names the request id, with the details in this endpoint's log only.
 */
final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {}

    static ApiException map(Throwable error, String operation, String requestId) {
        if (error instanceof ApiException api) {
            return api;
        }
        if (error instanceof BatchClientException client) {
            return ApiException.client(client.getMessage());
        }
        if (error instanceof IllegalStateException
                && error.getMessage() != null
                && error.getMessage().contains("closed")) {
            return ApiException.server("The local Batch engine is shutting down.");
        }
        LOG.warn("{} failed (request {})", operation, requestId, error);
        return ApiException.server("Internal server error in " + (operation == null ? "the request" : operation)
                + " (request id " + requestId + ").");
    }
}
