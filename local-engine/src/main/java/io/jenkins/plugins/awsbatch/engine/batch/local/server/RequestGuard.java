package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import com.sun.net.httpserver.Headers;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lets through only requests shaped as the AWS SDKs and the AWS CLI send them, so a web page the user visits can
 * neither forge a call (cross-site request forgery) nor reach the endpoint through its own host name (DNS
 * rebinding): no {@code Origin} or {@code Sec-Fetch-Site} header (browsers add them, SDKs never do), a
 * {@code Host} that names this endpoint, a SigV4 {@code Authorization} header for Batch (a page cannot add one
 * cross-site without a CORS preflight, which is refused) and a JSON {@code Content-Type} on POST. Anything else
 * is a 403 with one line saying why.
 */
final class RequestGuard {
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    private final Set<String> allowedHosts;

    RequestGuard(Set<String> allowedHosts) {
        this.allowedHosts = Collections.unmodifiableSet(new TreeSet<>(allowedHosts));
    }

    /**
     * The loopback names, the bind address, the names given in {@link ServerOptions#hostNames()} and, when
     * listening on every interface, this machine's addresses and host name; each with the bound port.
     */
    static RequestGuard forServer(ServerOptions options, InetSocketAddress bound) {
        Set<String> names = new TreeSet<>(LOOPBACK_NAMES);
        options.hostNames().forEach(name -> names.add(literal(name)));
        InetAddress address = bound.getAddress();
        if (address.isAnyLocalAddress()) {
            names.addAll(machineNames());
        } else {
            names.add(literal(options.bindAddress()));
            names.add(literal(address.getHostAddress()));
        }
        Set<String> hosts = new TreeSet<>();
        for (String name : names) {
            hosts.add(name + ":" + bound.getPort());
            if (bound.getPort() == 80) {
                hosts.add(name);
            }
        }
        return new RequestGuard(hosts);
    }

    /** The {@code Host} values accepted, lower case. */
    Set<String> allowedHosts() {
        return allowedHosts;
    }

    /**
     * Throws the 403 this request gets; for a request shaped as an AWS SDK's call, returns the region of its
     * credential scope.
     */
    String check(String method, Headers headers) {
        String origin = headers.getFirst("Origin");
        if (origin != null || headers.containsKey("Sec-Fetch-Site")) {
            throw ApiException.forbidden(
                    ApiException.ACCESS_DENIED,
                    "Requests from web browsers are refused ("
                            + (origin != null ? "Origin: " + shorten(origin) : "Sec-Fetch-Site header")
                            + "): use the AWS CLI or an AWS SDK with --endpoint-url.");
        }
        String host = headers.getFirst("Host");
        if (host == null || !allowedHosts.contains(host.trim().toLowerCase(Locale.ROOT))) {
            throw ApiException.forbidden(
                    ApiException.ACCESS_DENIED,
                    "Host " + (host == null ? "(none)" : shorten(host)) + " is not this endpoint's address; use one of "
                            + String.join(", ", allowedHosts)
                            + " (another name for it: --host-name).");
        }
        String authorization = headers.getFirst("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw ApiException.forbidden(
                    ApiException.MISSING_AUTHENTICATION,
                    "Missing Authentication Token: sign "
                            + "requests with AWS Signature Version 4 as the AWS CLI and SDKs do (any credentials work, e.g. "
                            + "AWS_ACCESS_KEY_ID=" + LocalBatchServer.DUMMY_CREDENTIAL + " AWS_SECRET_ACCESS_KEY="
                            + LocalBatchServer.DUMMY_CREDENTIAL + ").");
        }
        String region = SigV4Scope.regionOfAuthorization(authorization)
                .orElseThrow(() -> ApiException.forbidden(
                        ApiException.INCOMPLETE_SIGNATURE,
                        "Authorization header is not an AWS Signature Version 4 for " + "Batch; expected "
                                + SigV4Scope.EXPECTED_FORM));
        if (!method.equals("GET") && !method.equals("DELETE") && !isJson(headers.getFirst("Content-Type"))) {
            throw ApiException.forbidden(
                    ApiException.ACCESS_DENIED,
                    "Content-Type "
                            + (headers.getFirst("Content-Type") == null
                                    ? "(none)"
                                    : shorten(headers.getFirst("Content-Type")))
                            + " is refused: AWS Batch requests carry application/json.");
        }
        return region;
    }

    /** {@code application/json} or AWS's {@code application/x-amz-json-1.0/1.1}, parameters allowed. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json")
                || type.equals("application/x-amz-json-1.1")
                || type.equals("application/x-amz-json-1.0");
    }

    private static String literal(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return lower.contains(":") && !lower.startsWith("[") ? "[" + lower + "]" : lower;
    }

    private static Set<String> machineNames() {
        Set<String> names = new TreeSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (!(a instanceof Inet6Address v6 && (v6.isLinkLocalAddress() || v6.getScopeId() != 0))) {
                        names.add(literal(a.getHostAddress()));
                    }
                }
            }
        } catch (SocketException e) {
            // no interfaces listed: the loopback names and the configured ones still apply
        }
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(literal(local.getHostName()));
            names.add(literal(local.getCanonicalHostName()));
        } catch (UnknownHostException e) {
            // this machine has no resolvable name: clients use an address or --host-name
        }
        return names;
    }

    private static String shorten(String value) {
        String oneLine = value.replaceAll("[\\r\\n\\t]", " ");
        return oneLine.length() > 100 ? oneLine.substring(0, 100) + "..." : oneLine;
    }
}
