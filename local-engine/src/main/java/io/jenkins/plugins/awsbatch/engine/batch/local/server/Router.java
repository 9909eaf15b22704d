package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWS Batch's REST-JSON routing: {@code POST /v1/<operation in lower case>} with a JSON object body, and
 * {@code GET|POST|DELETE /v1/tags/{resourceArn}}. Reads the body (bounded), refuses what is not an AWS SDK's call
 * ({@link RequestGuard}), applies the fault injector, decodes the request, runs the operation and writes its answer
 * or its error ({@code __type} and {@code message}, with {@code x-amzn-ErrorType}); every answer carries an
 * {@code x-amzn-RequestId}. Never lets an exception escape, so one bad request never stops the endpoint.
 */
final class Router implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final String PREFIX = "/v1/";
    private static final String TAGS_PREFIX = "/v1/tags/";

    private final Map<String, String> operationsByPath = new HashMap<>();
    private final Map<String, Operation> operations;
    private final RequestGuard guard;
    private final FaultInjector faults;
    private final int maxBodyBytes;
    private final ObjectMapper json;
    private final LongAdder requests = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder errors = new LongAdder();

    Router(
            Map<String, Operation> operations,
            RequestGuard guard,
            FaultInjector faults,
            int maxBodyBytes,
            ObjectMapper json) {
        this.operations = Map.copyOf(operations);
        this.guard = guard;
        this.faults = faults;
        this.maxBodyBytes = maxBodyBytes;
        this.json = json;
        operations.keySet().forEach(name -> operationsByPath.put(name.toLowerCase(Locale.ROOT), name));
    }

    Set<String> allowedHosts() {
        return guard.allowedHosts();
    }

    long requests() {
        return requests.sum();
    }

    long throttled() {
        return throttled.sum();
    }

    long errors() {
        return errors.sum();
    }

    @Override
    public void handle(HttpExchange exchange) {
        requests.increment();
        String requestId = UUID.randomUUID().toString();
        long started = System.nanoTime();
        String operation = null;
        int status;
        try {
            byte[] body = BodyReader.read(exchange.getRequestBody(), maxBodyBytes);
            String rawPath = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String region = guard.check(method, exchange.getRequestHeaders());
            operation = operationOf(method, rawPath);
            faults.apply();
            ApiRequest request = new ApiRequest(
                    operation,
                    parseBody(body),
                    rawPath.startsWith(TAGS_PREFIX) ? percentDecode(rawPath.substring(TAGS_PREFIX.length())) : null,
                    query(exchange.getRequestURI().getRawQuery()),
                    region);
            ObjectNode response = operations.get(operation).handle(request);
            status = 200;
            write(exchange, status, requestId, null, json.writeValueAsBytes(response));
        } catch (Throwable t) {
            ApiException error = ErrorMapper.map(t, operation, requestId);
            status = error.status();
            if (status == 429) {
                throttled.increment();
            } else {
                errors.increment();
            }
            ObjectNode body = json.createObjectNode();
            body.put("__type", error.type());
            body.put("message", error.getMessage());
            try {
                write(exchange, status, requestId, error.type(), json.writeValueAsBytes(body));
            } catch (IOException e) {
                LOG.debug("could not answer request {}: {}", requestId, e.toString());
            }
        } finally {
            exchange.close();
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "{} {} -> {} in {} ms",
                    operation == null ? exchange.getRequestURI().getPath() : operation,
                    requestId,
                    status,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private String operationOf(String method, String rawPath) {
        if (rawPath.startsWith(TAGS_PREFIX) && rawPath.length() > TAGS_PREFIX.length()) {
            return switch (method) {
                case "GET" -> "ListTagsForResource";
                case "POST" -> "TagResource";
                case "DELETE" -> "UntagResource";
                default -> throw notAnOperation(method, rawPath);
            };
        }
        if (!rawPath.startsWith(PREFIX) || rawPath.indexOf('/', PREFIX.length()) >= 0) {
            throw notAnOperation(method, rawPath);
        }
        String label = rawPath.substring(PREFIX.length());
        String name = operationsByPath.get(label.toLowerCase(Locale.ROOT));
        if (name == null) {
            String batchOperation =
                    BatchOperationNames.byPathLabel(label).orElseThrow(() -> notAnOperation(method, rawPath));
            throw ApiException.unknownOperation("Operation " + batchOperation
                    + " is not supported by batchgraph local-batch; it serves " + String.join(", ", served()) + ".");
        }
        if (!method.equals("POST")) {
            throw ApiException.unknownOperation("Operation " + name + " is called with POST " + PREFIX
                    + label.toLowerCase(Locale.ROOT) + ", not " + method + ".");
        }
        return name;
    }

    private List<String> served() {
        return operations.keySet().stream().sorted().toList();
    }

    private static ApiException notAnOperation(String method, String rawPath) {
        String shown = rawPath.length() > 200 ? rawPath.substring(0, 200) + "..." : rawPath;
        return ApiException.unknownOperation("Unknown operation " + method + " " + shown
                + ": not an AWS Batch operation (batchgraph local-batch serves AWS Batch's REST-JSON API, "
                + "POST /v1/<operation>).");
    }

    private ObjectNode parseBody(byte[] body) {
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return json.createObjectNode();
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.client("Malformed JSON in the request body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.client("Unreadable request body.");
        }
        if (node == null || node.isMissingNode()) {
            return json.createObjectNode();
        }
        if (!node.isObject()) {
            throw ApiException.client("The request body must be a JSON object.");
        }
        return (ObjectNode) node;
    }

    static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = queryDecode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : queryDecode(pair.substring(eq + 1));
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String queryDecode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.client("Malformed query string.");
        }
    }

    /** RFC 3986 percent-decoding of a path label ({@code +} stays a plus). */
    static String percentDecode(String s) {
        return queryDecode(s.replace("+", "%2B"));
    }

    private static void write(HttpExchange exchange, int status, String requestId, String errorType, byte[] body)
            throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("x-amzn-RequestId", requestId);
        if (errorType != null) {
            headers.set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
