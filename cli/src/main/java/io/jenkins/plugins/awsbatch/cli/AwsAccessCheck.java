package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.batch.aws.ServiceEndpoints;
import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.graph.GraphError;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Before anything of an AWS run starts: a region is known, the endpoints given answer and credentials resolve. Either
 * failure is one line with the fix within seconds, not an SDK dump after ten retries.
 */
final class AwsAccessCheck {
    static final int CONNECT_TIMEOUT_MS = 2_000;
    static final int CREDENTIALS_TIMEOUT_MS = 2_500;

    private AwsAccessCheck() {}

    /**
     * {@code options} with its engine resolved; nothing is checked for the local engine. The region comes
     * first (the option, else the graph file's {@code fileRegion}, else the environment or profile).
     */
    static void require(EngineOptions options, String fileRegion) {
        if (options.engine() != EngineKind.AWS) {
            return;
        }
        GraphError region = EngineFactory.regionError(options, fileRegion);
        if (region != null) {
            throw new CliException(region.problem() + " (nothing was submitted)", BatchGraphCli.EXIT_INVALID);
        }
        ServiceEndpoints endpoints = options.endpoints();
        Map<String, String> bySource = new TreeMap<>();
        endpoints.services().forEach((service, url) -> bySource.putIfAbsent(url, endpoints.sourceOf(service, null)));
        if (endpoints.common() != null) {
            bySource.put(endpoints.common(), "--endpoint-url");
        }
        bySource.forEach((url, source) -> requireReachable(url, source));
        requireCredentials(options.profile());
    }

    /** {@code source} names where the endpoint was given: the option or the environment variable. */
    static void requireReachable(String endpointUrl, String source) {
        URI uri = URI.create(endpointUrl);
        int port = uri.getPort() != -1 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), CONNECT_TIMEOUT_MS);
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException(
                    "cannot reach " + source + " " + endpointUrl + " (" + e.getMessage() + "): start it"
                            + " (batchgraph local-batch --port " + port
                            + ", or moto) or fix the URL; nothing was submitted",
                    BatchGraphCli.EXIT_INVALID);
        }
    }

    static void requireCredentials(String profile) {
        ExecutorService resolver = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "batchgraph-credentials");
            thread.setDaemon(true);
            return thread;
        });
        DefaultCredentialsProvider.Builder builder = DefaultCredentialsProvider.builder();
        if (profile != null) {
            builder.profileName(profile);
        }
        try (DefaultCredentialsProvider provider = builder.build()) {
            Future<?> resolved = resolver.submit(provider::resolveCredentials);
            resolved.get(CREDENTIALS_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new CliException(noCredentials(profile), BatchGraphCli.EXIT_INVALID);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while looking for AWS credentials", BatchGraphCli.EXIT_INVALID);
        } finally {
            resolver.shutdownNow();
        }
    }

    static String noCredentials(String profile) {
        return (profile != null
                        ? "no AWS credentials for profile '" + profile + "': check it in ~/.aws/config (aws configure"
                                + " --profile " + profile + ", or aws sso login --profile " + profile + ")"
                        : "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE or --profile"
                                + " (aws configure, aws sso login)")
                + "; nothing was submitted";
    }

    /** An SDK failure the commands without a pre-check (status, logs, cleanup) hit: one line, or null. */
    static String oneLine(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.startsWith("Unable to load credentials")) {
                return noCredentials(null).replace("; nothing was submitted", "");
            }
            if (t instanceof java.net.ConnectException) {
                return "cannot reach the AWS endpoint (" + message
                        + "): check --endpoint-url, or that the endpoint is running";
            }
        }
        return null;
    }
}
