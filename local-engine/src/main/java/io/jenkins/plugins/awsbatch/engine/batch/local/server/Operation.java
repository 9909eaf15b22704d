package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One AWS Batch operation: request in, response body out; errors are thrown (see {@link ErrorMapper}). */
@FunctionalInterface
interface Operation {
    ObjectNode handle(ApiRequest request);
}
