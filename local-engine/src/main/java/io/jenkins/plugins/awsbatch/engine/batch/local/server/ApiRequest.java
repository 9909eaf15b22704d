package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One decoded call: the AWS operation name, its JSON body (an empty object when there was none), the
 * {@code {resourceArn}} path label of the tag operations, the query parameters and the region of the SigV4
 * credential scope (null when the request was not signed).
 */
record ApiRequest(
        String operation, ObjectNode body, String resourceArn, Map<String, List<String>> query, String region) {}
