package io.jenkins.plugins.awsbatch.engine.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * POSTs each event, as JSON, to a URL (what an EventBridge API destination does): for anyone building on the
 * local engine's events. A failed POST is one line on {@code problems}, naming the host only (a URL may hold a
 * token), and the next event is tried anyway.
 */
public final class EventWebhook implements Consumer<ObjectNode> {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI url;
    private final HttpClient http;
    private final Consumer<String> problems;

    public EventWebhook(URI url, HttpClient http, Consumer<String> problems) {
        if (url.getScheme() == null || !url.getScheme().startsWith("http") || url.getHost() == null) {
            throw new IllegalArgumentException("--events-to must be an http(s) URL");
        }
        this.url = url;
        this.http = http;
        this.problems = problems;
    }

    /** Where the events go, safe to print. */
    public String target() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + "/...";
    }

    @Override
    public void accept(ObjectNode event) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(event.toString(), StandardCharsets.UTF_8))
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                problems.accept("event not taken by " + target() + ": HTTP " + status);
            }
        } catch (IOException e) {
            problems.accept(
                    "event not sent to " + target() + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
