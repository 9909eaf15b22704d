package io.jenkins.plugins.awsbatch.engine.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Posts the Block Kit message to a Slack incoming webhook. The webhook URL is a {@link Secret}: it is named by
 * its source ("Slack webhook (from SLACK_WEBHOOK_URL)") in everything this class says, and redacted from what
 * HttpClient says.
 */
public final class SlackSender implements NotificationSender {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_BODY_SHOWN = 200;

    private final Secret webhookUrl;
    private final String channel;
    private final HttpClient http;

    public SlackSender(Secret webhookUrl, String channel, HttpClient http) {
        this.webhookUrl = webhookUrl;
        this.channel = channel;
        this.http = http;
    }

    @Override
    public String target() {
        return "Slack webhook (from " + webhookUrl.source() + ")" + (channel == null ? "" : " to " + channel);
    }

    @Override
    public String send(NotificationMessage message) throws NotificationException {
        URI uri = parse();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(
                        SlackPayload.render(message, channel), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw failure("no answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            throw failure("cannot reach it: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + webhookUrl.redact(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted");
        } catch (RuntimeException e) {
            throw failure(e.getClass().getSimpleName());
        }
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body().strip();
            if (body.length() > MAX_BODY_SHOWN) {
                body = body.substring(0, MAX_BODY_SHOWN) + "...";
            }
            throw failure("HTTP " + response.statusCode() + (body.isEmpty() ? "" : ": " + webhookUrl.redact(body)));
        }
        return "HTTP " + response.statusCode();
    }

    private URI parse() throws NotificationException {
        try {
            URI uri = new URI(webhookUrl.value().trim());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw failure("the value is not an http(s) URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw failure("the value is not a valid URL");
        }
    }

    private NotificationException failure(String why) {
        return new NotificationException(target() + ": " + why);
    }
}
