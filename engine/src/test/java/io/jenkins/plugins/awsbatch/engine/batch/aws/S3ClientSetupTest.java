package io.jenkins.plugins.awsbatch.engine.batch.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The run's S3 client against a scripted S3 endpoint: what moto cannot show (regions, connection limits). */
class S3ClientSetupTest {
    private HttpServer server;
    private ExecutorService pool;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
            pool.shutdownNow();
        }
    }

    @Test
    void aBucketInAnotherRegionIsReachedThroughS3sRedirect() throws IOException {
        // S3 answers 301 PermanentRedirect with the bucket's region to a request signed for another region.
        start(exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth != null && auth.contains("/eu-central-1/s3/")) {
                answer(exchange, 200, "item", Map.of());
            } else {
                answer(
                        exchange,
                        301,
                        "<Error><Code>PermanentRedirect</Code><Message>The bucket you are attempting to "
                                + "access must be addressed using the specified endpoint.</Message></Error>",
                        Map.of("x-amz-bucket-region", "eu-central-1"));
            }
        });
        try (AwsClients aws = AwsClients.create(settings().build(), new CallCounter())) {
            assertThat(aws.objectStore().get("s3://data-in-frankfurt/runs/items/0.json"))
                    .hasValueSatisfying(b ->
                            assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("item"));
        }
    }

    @Test
    void s3ConcurrencyAboveTheDefaultPoolIsNotCappedByIt() throws IOException {
        int concurrency = 100;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch allArrived = new CountDownLatch(concurrency);
        start(exchange -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            allArrived.countDown();
            try {
                allArrived.await(3, TimeUnit.SECONDS); // every PUT held until all are in flight at once, or 3 s
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            answer(exchange, 200, "", Map.of());
        });
        Map<String, byte[]> objects = new LinkedHashMap<>();
        for (int i = 0; i < concurrency; i++) {
            objects.put("s3://b/runs/r/items/" + i + ".json", new byte[] {'1'});
        }
        try (AwsClients aws =
                AwsClients.create(settings().s3Concurrency(concurrency).build(), new CallCounter())) {
            aws.objectStore().putAll(objects);
        }
        assertThat(maxInFlight.get()).isEqualTo(concurrency);
    }

    private AwsSettings.Builder settings() {
        return MotoSupport.settings("http://127.0.0.1:" + server.getAddress().getPort())
                .region("us-east-1");
    }

    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void start(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        pool = Executors.newFixedThreadPool(200);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            handler.handle(exchange);
        });
        server.setExecutor(pool);
        server.start();
    }

    private static void answer(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
