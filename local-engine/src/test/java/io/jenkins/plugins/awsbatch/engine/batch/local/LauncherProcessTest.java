package io.jenkins.plugins.awsbatch.engine.batch.local;

import static io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A launcher on its own: what it starts, what it reports and records, and that it outlives its engine. Python's
 * and perl's keep one protocol, so every case runs on each.
 */
@ParameterizedClass
@EnumSource(LauncherProcess.Kind.class)
class LauncherProcessTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "ONLY_THIS", "yes");

    /** The launcher under test, run by its default interpreter. */
    @Parameter
    LauncherProcess.Kind kind;

    @TempDir
    Path temp;

    private LauncherProcess launcher;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() throws InterruptedException {
        timers.shutdownNow();
        if (launcher != null) {
            launcher.detach();
            launcher.awaitEnd(5_000);
        }
    }

    private LauncherProcess launcher() throws IOException {
        launcher = LauncherProcess.start(
                kind, kind.defaultInterpreter, temp.resolve("test" + LauncherProcess.RECORDS_SUFFIX));
        return launcher;
    }

    /** A spawned child as the test sees it: its pid once started, its exit status once ended. */
    record Child(long pid, CompletableFuture<Integer> exit) {}

    private Child spawn(String script, String base) throws Exception {
        return spawn(List.of("sh", "-c", script), temp.resolve(base + ".log"), base);
    }

    private Child spawn(List<String> command, Path log, String base) throws Exception {
        return spawn(command, temp, log, base);
    }

    private Child spawn(List<String> command, Path folder, Path log, String base) throws Exception {
        CompletableFuture<Long> started = new CompletableFuture<>();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        launcher.spawn(command, ENV, folder, log, base, new LauncherProcess.Events() {
            @Override
            public void started(long pid) {
                started.complete(pid);
            }

            @Override
            public void notStarted(IOException reason) {
                started.completeExceptionally(reason);
            }

            @Override
            public void withdrawn() {
                started.completeExceptionally(new IOException("withdrawn"));
            }

            @Override
            public void ended(Integer exitCode) {
                exit.complete(exitCode);
            }
        });
        try {
            return new Child(started.get(20, TimeUnit.SECONDS), exit);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private List<String> records() throws IOException {
        return Files.readAllLines(temp.resolve("test" + LauncherProcess.RECORDS_SUFFIX));
    }

    @Test
    void aChildRunsInTheGivenFolderWithExactlyTheGivenEnvironmentAndLogsItsOutput() throws Exception {
        launcher();
        Child child = spawn("pwd; env | sort; echo oops >&2; exit 3", "a");
        assertThat(child.exit().get(20, TimeUnit.SECONDS)).isEqualTo(3);
        List<String> log = Files.readAllLines(temp.resolve("a.log"));
        assertThat(log).contains(temp.toRealPath().toString(), "ONLY_THIS=yes", "PATH=/usr/bin:/bin", "oops");
        assertThat(log).noneMatch(line -> line.startsWith("HOME=") || line.startsWith("JAVA_HOME="));
        assertThat(records())
                .satisfiesExactly(
                        started -> assertThat(started).matches("S \\d+ " + child.pid() + " a"),
                        ended -> assertThat(ended).matches("E \\d+ 3 a"));
    }

    @Test
    void aChildThatPrintsNothingLeavesNoLogFile() throws Exception {
        launcher();
        assertThat(spawn("true", "quiet").exit().get(20, TimeUnit.SECONDS)).isZero();
        assertThat(temp.resolve("quiet.log")).doesNotExist();
    }

    @Test
    void aChildEndedBySignalReportsItAsAShellWould() throws Exception {
        launcher();
        Child child = spawn("sleep 30", "killed");
        ProcessHandle.of(child.pid()).orElseThrow().destroyForcibly();
        assertThat(child.exit().get(20, TimeUnit.SECONDS)).isEqualTo(128 + 9);
    }

    @Test
    void aProgramThatCannotBeFoundEndsWith127AndSaysWhyInItsLog() throws Exception {
        launcher();
        Child child = spawn(List.of("no-such-program-here"), temp.resolve("missing.log"), "missing");
        assertThat(child.exit().get(20, TimeUnit.SECONDS)).isEqualTo(127);
        assertThat(Files.readString(temp.resolve("missing.log")))
                .contains("Cannot run program \"no-such-program-here\"");
    }

    @Test
    void aFolderThatCannotBeEnteredEndsWith126AndSaysWhyInItsLog() throws Exception {
        launcher();
        Child child = spawn(List.of("true"), temp.resolve("gone"), temp.resolve("nowhere.log"), "nowhere");
        assertThat(child.exit().get(20, TimeUnit.SECONDS)).isEqualTo(126);
        assertThat(Files.readString(temp.resolve("nowhere.log")))
                .contains("Cannot run program \"true\": working directory " + temp.resolve("gone"));
        // the next child, in a folder that exists, is not held back by the one that failed
        assertThat(spawn("pwd", "after").exit().get(20, TimeUnit.SECONDS)).isZero();
        assertThat(Files.readString(temp.resolve("after.log")).trim())
                .isEqualTo(temp.toRealPath().toString());
    }

    @Test
    void aLogThatCannotBeOpenedIsRefusedBeforeAnythingStarts() throws Exception {
        launcher();
        assertThatThrownBy(() -> spawn(List.of("true"), temp.resolve("no/such/folder.log"), "x"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot open the log");
        assertThat(records()).isEmpty();
    }

    @Test
    void stoppingAChildsTreeEndsItsDescendantsToo() throws Exception {
        launcher();
        // "wait $!", not "wait": a bare wait returns 0 if the grandchild's TERM lands before the shell's own
        Child child = spawn("sleep 30 & echo $! > grandchild; wait $!", "tree");
        await(
                () -> Files.exists(temp.resolve("grandchild"))
                        && !read("grandchild").isEmpty(),
                "the grandchild");
        long grandchild = Long.parseLong(read("grandchild").trim());
        new ProcessLauncher(temp, temp, Duration.ofMillis(300), timers)
                .stopTree(ProcessHandle.of(child.pid()).orElseThrow());
        assertThat(child.exit().get(20, TimeUnit.SECONDS)).isEqualTo(128 + 15);
        await(() -> ProcessHandle.of(grandchild).map(h -> !h.isAlive()).orElse(true), "the grandchild to end");
    }

    @Test
    void withItsEngineGoneTheLauncherStillRecordsItsChildrensEndsThenExits() throws Exception {
        // the engine's side of both pipes closed, as when its JVM is killed with -9
        String script = new String(
                LauncherProcess.class.getResourceAsStream(kind.script).readAllBytes(), StandardCharsets.UTF_8);
        Path records = temp.resolve("test" + LauncherProcess.RECORDS_SUFFIX);
        Process launcherProcess =
                kind.command(kind.defaultInterpreter, script, records).start();
        OutputStream requests = launcherProcess.getOutputStream();
        BufferedReader replies =
                new BufferedReader(new InputStreamReader(launcherProcess.getInputStream(), StandardCharsets.UTF_8));
        assertThat(replies.readLine()).startsWith("READY ");
        requests.write("G\0001\0".getBytes(StandardCharsets.US_ASCII)); // one child at a time
        requests.write(request("1", "sleep 0.5; exit 4", "orphan"));
        requests.write(request("2", "echo never > queued-ran", "queued")); // waits for the gate
        requests.flush();
        assertThat(replies.readLine()).startsWith("P 1 ");
        requests.write("R\0003\0".getBytes(StandardCharsets.US_ASCII)); // half a request, then the engine dies
        requests.flush();
        InputStream stdout = launcherProcess.getInputStream();
        stdout.close();
        requests.close();

        assertThat(launcherProcess.waitFor(20, TimeUnit.SECONDS))
                .as("the launcher exits once its child ended")
                .isTrue();
        assertThat(Files.readAllLines(records))
                .satisfiesExactly(
                        started -> assertThat(started).endsWith(" orphan"),
                        ended -> assertThat(ended).matches("E \\d+ 4 orphan"));
        assertThat(temp.resolve("queued-ran"))
                .as("a queued request never starts")
                .doesNotExist();
        assertThat(temp.resolve("test" + LauncherProcess.RECORDS_SUFFIX + LauncherProcess.DRAINED_SUFFIX))
                .as("a drained marker outlives no launcher")
                .doesNotExist();
    }

    @Test
    void aDrainedLauncherIsToldApartFromOneStillReadingRequests() throws Exception {
        launcher().gate(1);
        queue("sleep 30", "running");
        await(() -> count("P ") == 1, "the child to start");
        AttemptRecords records = new AttemptRecords(temp);
        assertThat(records.launchersStillReading(-1))
                .as("a launcher with its stdin open may still start what it read")
                .containsExactly(launcher.pid());
        assertThat(records.launchersStillReading(launcher.pid())).isEmpty();
        launcher.detach();
        await(() -> records.launchersStillReading(-1).isEmpty(), "the launcher to say it is drained");
        kill("running");
        assertThat(launcher.awaitEnd(20_000)).isTrue();
    }

    @Test
    void afterQuietNoExitStatusIsRecorded() throws Exception {
        launcher();
        Child child = spawn("sleep 30", "shutdown");
        // perl's child writes its start record itself, just before its exec: killed sooner, it never would (seen in CI)
        String records = "test" + LauncherProcess.RECORDS_SUFFIX;
        await(() -> Files.exists(temp.resolve(records)) && read(records).startsWith("S "), "the child's start record");
        launcher.quiet();
        ProcessHandle.of(child.pid()).orElseThrow().destroyForcibly();
        assertThat(child.exit().get(20, TimeUnit.SECONDS)).isEqualTo(137);
        assertThat(records()).singleElement().satisfies(line -> assertThat(line).startsWith("S "));
    }

    /** Every reply of the launcher in the order it sent them: "P base", "X base", "W base", "F base". */
    private final List<String> replies = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    private final Map<String, Long> pids = new java.util.concurrent.ConcurrentHashMap<>();

    /** Sends a request and returns at once; what becomes of it lands in {@link #replies}. */
    private void queue(String script, String base) throws IOException {
        launcher.spawn(
                List.of("sh", "-c", script),
                ENV,
                temp,
                temp.resolve(base + ".log"),
                base,
                new LauncherProcess.Events() {
                    @Override
                    public void started(long pid) {
                        pids.put(base, pid);
                        replies.add("P " + base);
                    }

                    @Override
                    public void notStarted(IOException reason) {
                        replies.add("F " + base);
                    }

                    @Override
                    public void withdrawn() {
                        replies.add("W " + base);
                    }

                    @Override
                    public void ended(Integer exitCode) {
                        replies.add("X " + base);
                    }
                });
    }

    private long count(String prefix) {
        synchronized (replies) {
            return replies.stream().filter(r -> r.startsWith(prefix)).count();
        }
    }

    /** The most children running at once, as the launcher told it (it sends an end before the next start). */
    private int mostRunningAtOnce() {
        int running = 0;
        int most = 0;
        synchronized (replies) {
            for (String reply : replies) {
                running += reply.startsWith("P ") ? 1 : reply.startsWith("X ") ? -1 : 0;
                most = Math.max(most, running);
            }
        }
        return most;
    }

    private void kill(String base) {
        ProcessHandle.of(pids.get(base)).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void theGateLetsOnlyItsNumberOfChildrenRunAndStartsAQueuedOneAsEachEnds() throws Exception {
        launcher().gate(2);
        for (int i = 0; i < 6; i++) {
            queue("sleep 30", "c" + i);
        }
        for (int ended = 0; ended < 6; ended++) {
            int expected = Math.min(6, ended + 2);
            await(() -> count("P ") == expected, expected + " children started");
            kill("c" + ended); // oldest first: the queue starts them in the order sent
            int gone = ended + 1;
            await(() -> count("X ") == gone, gone + " children ended");
        }
        assertThat(mostRunningAtOnce()).isEqualTo(2);
        assertThat(replies)
                .filteredOn(r -> r.startsWith("P "))
                .containsExactly("P c0", "P c1", "P c2", "P c3", "P c4", "P c5");
    }

    @Test
    void aRaisedGateStartsWhatWaitsAndAGateOfZeroStartsNothing() throws Exception {
        launcher().gate(0);
        queue("exit 0", "first");
        queue("exit 0", "second");
        launcher.gate(1); // sent after the requests: the launcher reads them in order, so both waited
        await(() -> count("X ") == 2, "both to run once the gate opened");
        assertThat(mostRunningAtOnce()).isEqualTo(1);
        assertThat(replies).containsExactly("P first", "X first", "P second", "X second");
    }

    @Test
    void aWithdrawnRequestNeverStarts() throws Exception {
        launcher().gate(1);
        queue("sleep 30", "running");
        queue("echo ran > withdrawn-ran", "waiting");
        await(() -> count("P ") == 1, "the first child to start");
        launcher.withdraw("waiting");
        await(() -> count("W ") == 1, "the queued request to be withdrawn");
        kill("running");
        await(() -> count("X ") == 1, "the first child to end");
        queue("exit 0", "after"); // started only once everything sent before it was dealt with
        await(() -> count("X ") == 2, "a later request to run");
        assertThat(replies).containsExactly("P running", "W waiting", "X running", "P after", "X after");
        assertThat(temp.resolve("withdrawn-ran")).doesNotExist();
        assertThat(records()).noneMatch(line -> line.endsWith(" waiting"));
    }

    @Test
    void quietWithdrawsWhatWaitsInTheQueue() throws Exception {
        launcher().gate(1);
        queue("sleep 30", "running");
        queue("echo ran > queued-ran", "queued");
        await(() -> count("P ") == 1, "the first child to start");
        launcher.quiet();
        await(() -> count("W ") == 1, "the queue to be withdrawn");
        kill("running");
        await(() -> count("X ") == 1, "the first child to end");
        assertThat(replies).containsExactly("P running", "W queued", "X running");
        assertThat(temp.resolve("queued-ran")).doesNotExist();
    }

    private byte[] request(String id, String script, String base) {
        List<String> fields = List.of(
                "R",
                id,
                temp.toString(),
                temp.resolve(base + ".log").toString(),
                base,
                "3",
                "sh",
                "-c",
                script,
                "1",
                "PATH=/usr/bin:/bin");
        return (String.join("\0", fields) + "\0").getBytes(StandardCharsets.UTF_8);
    }

    private String read(String name) {
        try {
            return Files.readString(temp.resolve(name));
        } catch (IOException e) {
            return "";
        }
    }
}
