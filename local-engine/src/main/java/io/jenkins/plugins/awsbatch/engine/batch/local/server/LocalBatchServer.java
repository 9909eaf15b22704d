package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local engine served over AWS Batch's own REST-JSON protocol, so the AWS CLI, boto3, the Java SDK and the
 * engine's {@code AwsBatchService} run against it with {@code --endpoint-url}. Built on the JDK's HTTP server;
 * binds to 127.0.0.1 unless {@link ServerOptions#allowRemote()} and answers only SDK-shaped requests (never a web
 * page's: {@link RequestGuard}). The service is the caller's: closing the server leaves it open.
 */
public final class LocalBatchServer implements AutoCloseable {
    /**
     * The JDK server writes a response's headers and body in two packets; with Nagle's algorithm on, the body
     * waits for the client's delayed ACK (~40 ms a call on a kept-alive connection). The JDK reads this
     * property once, when its first HTTP server is configured; an explicit setting is left alone.
     */
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    /**
     * Access key id and secret to sign with when no AWS credentials are configured: the endpoint checks that a
     * request is signed as the SDKs sign, not with which keys.
     */
    public static final String DUMMY_CREDENTIAL = "local-batch";

    private final HttpServer server;
    private final ExecutorService pool;
    private final Router router;

    private LocalBatchServer(HttpServer server, ExecutorService pool, Router router) {
        this.server = server;
        this.pool = pool;
        this.router = router;
    }

    /** Starts serving {@code service}; the port is bound when this returns. */
    public static LocalBatchServer start(LocalBatchService service, ServerOptions options) throws IOException {
        ObjectMapper json = JsonMapper.builder().build();
        json.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(64)
                        .maxStringLength(options.maxBodyBytes())
                        .build());
        ArnLookup arns = new ArnLookup(service);
        Map<String, Operation> operations = new HashMap<>();
        new AdminOperations(service, arns).register(operations);
        new JobOperations(service, arns).register(operations);
        operations.put("ListJobs", new ListJobsOperation(service, arns));
        new TagOperations(service).register(operations);
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getByName(options.bindAddress()), options.port()), 128);
        Router router = new Router(
                operations,
                RequestGuard.forServer(options, server.getAddress()),
                new FaultInjector(options.latency(), options.failRate(), options.seed()),
                options.maxBodyBytes(),
                json);
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), daemonThreads());
        server.createContext("/", router);
        server.setExecutor(pool);
        server.start();
        return new LocalBatchServer(server, pool, router);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * {@code http://<bind address>:<port>}, what {@code --endpoint-url} takes; {@code 127.0.0.1} when listening on
     * every interface.
     */
    public URI endpoint() {
        InetAddress address = server.getAddress().getAddress();
        String host = address.isAnyLocalAddress() ? ServerOptions.LOOPBACK : address.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port());
    }

    /** The {@code Host} header values this endpoint answers. */
    public Set<String> allowedHosts() {
        return router.allowedHosts();
    }

    /** Requests received, answered or not. */
    public long requests() {
        return router.requests();
    }

    /** Requests answered with an injected 429. */
    public long throttled() {
        return router.throttled();
    }

    /** Requests answered with a 4xx (other than 429) or 5xx error. */
    public long errors() {
        return router.errors();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "local-batch-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
