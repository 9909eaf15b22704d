package io.jenkins.plugins.awsbatch.engine.lock;

import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Another process that takes a run's lock and holds it until killed: {@code main(storeUri, runId)}. */
final class LockHolderProcess {
    private LockHolderProcess() {}

    public static void main(String[] args) throws Exception {
        RunLock lock = RunLock.acquire(
                new LocalObjectStore(), new RunLayout(args[0], args[1]), "lock-holder test", System.out::println);
        System.out.println("held " + lock.owner().pid());
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(2));
    }

    /** Starts the holder and returns once it holds the lock. */
    static Process start(String storeUri, String runId) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        LockHolderProcess.class.getName(),
                        storeUri,
                        runId))
                .redirectErrorStream(true)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("held ")) {
                return process;
            }
        }
        throw new IllegalStateException("the lock holder ended without taking the lock");
    }
}
