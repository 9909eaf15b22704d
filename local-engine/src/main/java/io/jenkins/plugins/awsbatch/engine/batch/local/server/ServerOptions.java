package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the local Batch endpoint listens and misbehaves.
 *
 * @param bindAddress  address to listen on; only loopback addresses unless {@code allowRemote}
 * @param port         TCP port, 0 for an ephemeral one
 * @param allowRemote  the caller explicitly asked to listen on a non-loopback address
 * @param latency      artificial delay added to every call
 * @param failRate     share of calls (0..1) answered with HTTP 429 {@code TooManyRequestsException}
 * @param seed         seed of the fault injector's random numbers, so a failure pattern can be replayed
 * @param maxBodyBytes largest request body accepted; larger ones get a 400 {@code ClientException}
 * @param threads      request-handling threads
 * @param hostNames    other names clients reach the endpoint by, accepted in the {@code Host} header besides the
 *                     loopback names and the bind address
 */
public record ServerOptions(
        String bindAddress,
        int port,
        boolean allowRemote,
        Duration latency,
        double failRate,
        long seed,
        int maxBodyBytes,
        int threads,
        List<String> hostNames) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final int DEFAULT_THREADS = 32;
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._:\\[\\]-]{1,253}");

    public ServerOptions {
        bindAddress = bindAddress == null || bindAddress.isBlank() ? LOOPBACK : bindAddress.trim();
        latency = latency == null ? Duration.ZERO : latency;
        hostNames = hostNames == null ? List.of() : List.copyOf(hostNames);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + latency.toMillis() + " ms");
        }
        if (!(failRate >= 0 && failRate <= 1)) {
            throw new IllegalArgumentException("fail rate must be between 0 and 1, was " + failRate);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("the body limit must be at least 1024 bytes, was " + maxBodyBytes);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        for (String name : hostNames) {
            if (!HOST_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("host name '" + name + "' is not a DNS name or an IP address");
            }
        }
        if (!allowRemote && !isLoopback(bindAddress)) {
            throw new IllegalArgumentException("refusing to listen on " + bindAddress
                    + ": the local Batch endpoint runs commands on this machine for anyone who can reach it, so it"
                    + " binds to 127.0.0.1 only; pass --allow-remote as well to listen on another address");
        }
    }

    /** 127.0.0.1, an ephemeral port, no latency, no faults. */
    public static ServerOptions defaults() {
        return new ServerOptions(
                LOOPBACK, 0, false, Duration.ZERO, 0, 0, DEFAULT_MAX_BODY_BYTES, DEFAULT_THREADS, List.of());
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(
                bindAddress, newPort, allowRemote, latency, failRate, seed, maxBodyBytes, threads, hostNames);
    }

    public ServerOptions withBind(String address, boolean remoteAllowed) {
        return new ServerOptions(
                address, port, remoteAllowed, latency, failRate, seed, maxBodyBytes, threads, hostNames);
    }

    public ServerOptions withLatency(Duration newLatency) {
        return new ServerOptions(
                bindAddress, port, allowRemote, newLatency, failRate, seed, maxBodyBytes, threads, hostNames);
    }

    public ServerOptions withFailRate(double rate, long newSeed) {
        return new ServerOptions(
                bindAddress, port, allowRemote, latency, rate, newSeed, maxBodyBytes, threads, hostNames);
    }

    public ServerOptions withHostNames(List<String> names) {
        return new ServerOptions(bindAddress, port, allowRemote, latency, failRate, seed, maxBodyBytes, threads, names);
    }

    static boolean isLoopback(String address) {
        Objects.requireNonNull(address, "address");
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve bind address " + address, e);
        }
    }
}
