package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code src/test/python/local_batch_smoke.py} (boto3) against the endpoint. Skipped when no Python with boto3
 * is found: {@code BATCHGRAPH_PYTHON}, the repository's {@code .venv-moto} ({@code bin/moto start} creates it),
 * then {@code python3}.
 */
class Boto3SmokeTest {
    @TempDir
    Path dir;

    @Test
    void boto3DrivesTheEndpoint() throws Exception {
        String python = pythonWithBoto3();
        assumeTrue(python != null, "no python3 with boto3 installed");
        Path script = Path.of("src/test/python/local_batch_smoke.py").toAbsolutePath();
        try (Endpoint endpoint = Endpoint.start(dir, ServerOptions.defaults(), null, false)) {
            Process process = new ProcessBuilder(
                            python,
                            script.toString(),
                            endpoint.server.endpoint().toString())
                    .redirectErrorStream(true)
                    .start();
            boolean finished = process.waitFor(60, TimeUnit.SECONDS);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!finished) {
                process.destroyForcibly();
            }
            assertThat(finished).as("boto3 smoke finished: %s", output).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("all checks passed");
        }
    }

    private static String pythonWithBoto3() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("BATCHGRAPH_PYTHON");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        Path venv =
                Path.of("..", ".venv-moto", "bin", "python").toAbsolutePath().normalize();
        if (Files.isExecutable(venv)) {
            candidates.add(venv.toString());
        }
        candidates.add("python3");
        for (String candidate : candidates) {
            try {
                Process check = new ProcessBuilder(candidate, "-c", "import boto3")
                        .redirectErrorStream(true)
                        .start();
                check.getInputStream().readAllBytes();
                if (check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // not installed: try the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
