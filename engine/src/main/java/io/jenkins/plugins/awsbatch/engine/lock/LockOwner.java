package io.jenkins.plugins.awsbatch.engine.lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Who holds a run's lock, as written in the lock record: process id and host, the command, since when, until
 * when its lease runs unless renewed, and a token telling this holding apart from any other.
 */
public record LockOwner(long pid, String host, String command, Instant since, Instant expiresAt, String token) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** This process, holding from {@code now} for one lease. */
    static LockOwner current(String command, Instant now, Duration lease) {
        return new LockOwner(
                ProcessHandle.current().pid(),
                localHost(),
                command,
                now.truncatedTo(ChronoUnit.SECONDS),
                expiry(now, lease),
                UUID.randomUUID().toString());
    }

    LockOwner renewed(Instant now, Duration lease) {
        return new LockOwner(pid, host, command, since, expiry(now, lease), token);
    }

    /** Whole milliseconds: the record stays readable and a renewal always moves the expiry on. */
    private static Instant expiry(Instant now, Duration lease) {
        return now.plus(lease).truncatedTo(ChronoUnit.MILLIS);
    }

    /** {@code pid 4242@build-7 (batchgraph resume, since 2026-12-06T04:10:00Z)}. */
    public String describe() {
        return "pid " + pid + "@" + host + " (" + command + ", since " + since + ")";
    }

    byte[] toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("pid", pid);
        fields.put("host", host);
        fields.put("command", command);
        fields.put("since", since.toString());
        fields.put("expiresAt", expiresAt.toString());
        fields.put("token", token);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record in {@code bytes}, or null when they are not a whole record (being written, or damaged). */
    static LockOwner parse(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null
                    || !node.hasNonNull("pid")
                    || !node.hasNonNull("host")
                    || !node.hasNonNull("since")
                    || !node.hasNonNull("expiresAt")
                    || !node.hasNonNull("token")) {
                return null;
            }
            return new LockOwner(
                    node.get("pid").asLong(),
                    node.get("host").asText(),
                    node.path("command").asText("?"),
                    Instant.parse(node.get("since").asText()),
                    Instant.parse(node.get("expiresAt").asText()),
                    node.get("token").asText());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The kernel's host name where there is one (no name lookup), else the JDK's. */
    static String localHost() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                String name = Files.readString(kernel, StandardCharsets.UTF_8).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env != null && !env.isBlank() ? env : "unknown-host";
        }
    }
}
