package io.jenkins.plugins.awsbatch.engine.batch.local.server;

/**
 * An error answered to the caller in AWS's REST-JSON shape: {@code {"__type": type, "message": message}} with
 * the given HTTP status. The message is what the caller sees; it never carries secrets or stack traces.
 */
public final class ApiException extends RuntimeException {
    public static final String CLIENT_EXCEPTION = "ClientException";
    public static final String SERVER_EXCEPTION = "ServerException";
    public static final String TOO_MANY_REQUESTS = "TooManyRequestsException";
    public static final String ACCESS_DENIED = "AccessDeniedException";
    public static final String MISSING_AUTHENTICATION = "MissingAuthenticationTokenException";
    public static final String INCOMPLETE_SIGNATURE = "IncompleteSignatureException";
    public static final String UNKNOWN_OPERATION = "UnknownOperationException";

    private final int status;
    private final String type;

    public ApiException(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    /** HTTP 400 {@code ClientException}: the request was wrong. */
    public static ApiException client(String message) {
        return new ApiException(400, CLIENT_EXCEPTION, message);
    }

    /** HTTP 403 of the given type: the request is not one this endpoint serves to anyone. */
    public static ApiException forbidden(String type, String message) {
        return new ApiException(403, type, message);
    }

    /** HTTP 404 {@code UnknownOperationException}: no operation of this endpoint answers the request. */
    public static ApiException unknownOperation(String message) {
        return new ApiException(404, UNKNOWN_OPERATION, message);
    }

    /** HTTP 500 {@code ServerException}: the endpoint failed. */
    public static ApiException server(String message) {
        return new ApiException(500, SERVER_EXCEPTION, message);
    }

    /** HTTP 429 {@code TooManyRequestsException}: what AWS answers when the account's rate is exceeded. */
    public static ApiException throttled() {
        return new ApiException(429, TOO_MANY_REQUESTS, "Too Many Requests");
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }
}
