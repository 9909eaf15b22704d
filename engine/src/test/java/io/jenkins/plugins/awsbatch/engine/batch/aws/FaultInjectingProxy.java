package io.jenkins.plugins.awsbatch.engine.batch.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reverse proxy on 127.0.0.1 between the SDK and moto. It records every request (method, path, body) and,
 * when {@code faultEvery > 0}, answers every {@code faultEvery}-th request itself, without forwarding it,
 * alternately with HTTP 429 {@code TooManyRequestsException} and HTTP 500 — so a retried request never reached
 * moto twice unless the SDK or the engine sent it twice.
 */
public final class FaultInjectingProxy implements AutoCloseable {
    private static final Set<String> HOP_HEADERS =
            Set.of("host", "content-length", "connection", "expect", "transfer-encoding", "upgrade", "keep-alive");

    public record Recorded(String method, String path, String target, String body, int status) {}

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String upstream;
    private final int faultEvery;
    /** Forward every n-th request of this path, then answer 500 instead of upstream's reply (a lost response). */
    private volatile String losePath;

    private volatile int loseEvery;
    private final AtomicInteger losable = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    public FaultInjectingProxy(String upstream, int faultEvery) throws IOException {
        this.upstream = upstream;
        this.faultEvery = faultEvery;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    /**
     * Every {@code every}-th request to {@code path} reaches upstream, but the caller gets a 500 instead of the
     * answer: the request's effect happened, the caller cannot know it.
     */
    public FaultInjectingProxy loseResponses(String path, int every) {
        this.losePath = path;
        this.loseEvery = every;
        return this;
    }

    public int lostResponses() {
        return lost.get();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int throttled() {
        return throttled.get();
    }

    public int serverErrors() {
        return serverErrors.get();
    }

    /** The most requests that were in flight at once. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    public List<Recorded> recorded() {
        return List.copyOf(recorded);
    }

    /** Requests that reached moto, whose path is {@code path} (e.g. {@code /v1/submitjob}). */
    public List<Recorded> forwarded(String path) {
        return recorded.stream()
                .filter(r -> r.status() < 400 && r.path().equalsIgnoreCase(path))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        boolean[] done = {false};
        Runnable finished = () -> {
            if (!done[0]) {
                done[0] = true;
                inFlight.decrementAndGet();
            }
        };
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String path = exchange.getRequestURI().getPath();
            String text = new String(body, StandardCharsets.UTF_8);
            int n = requests.incrementAndGet();
            if (faultEvery > 0 && n % faultEvery == 0) {
                boolean throttle = (n / faultEvery) % 2 == 1;
                int status = throttle ? 429 : 500;
                String type = throttle ? "TooManyRequestsException" : "ServerException";
                (throttle ? throttled : serverErrors).incrementAndGet();
                recorded.add(new Recorded(exchange.getRequestMethod(), path, target, text, status));
                byte[] error = ("{\"__type\":\"" + type + "\",\"message\":\"injected " + type + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
                finished.run(); // before the answer, so the caller's next request cannot overlap this one
                exchange.sendResponseHeaders(status, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            URI uri = URI.create(upstream
                    + exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + exchange.getRequestURI().getRawQuery()));
            HttpRequest.Builder forward = HttpRequest.newBuilder(uri)
                    .method(
                            exchange.getRequestMethod(),
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> forward.header(name, v));
                }
            });
            HttpResponse<byte[]> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            recorded.add(new Recorded(exchange.getRequestMethod(), path, target, text, response.statusCode()));
            response.headers().map().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!HOP_HEADERS.contains(lower) && !lower.equals(":status")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            byte[] out = response.body();
            if (losePath != null && path.equalsIgnoreCase(losePath) && losable.incrementAndGet() % loseEvery == 0) {
                lost.incrementAndGet();
                byte[] error = "{\"__type\":\"ServerException\",\"message\":\"injected lost response\"}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "ServerException");
                finished.run();
                exchange.sendResponseHeaders(500, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            boolean head = exchange.getRequestMethod().equals("HEAD");
            finished.run();
            exchange.sendResponseHeaders(response.statusCode(), head || out.length == 0 ? -1 : out.length);
            if (!head && out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finished.run();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
