package io.jenkins.plugins.awsbatch.offline;

import io.jenkins.plugins.awsbatch.action.GraphRecord;
import io.jenkins.plugins.awsbatch.action.StageRecord;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.exec.DriverContext;
import io.jenkins.plugins.awsbatch.exec.DriverFactory;
import io.jenkins.plugins.awsbatch.exec.ExecutionRuntime;
import io.jenkins.plugins.awsbatch.exec.GraphDriver;
import io.jenkins.plugins.awsbatch.exec.GraphInputException;
import io.jenkins.plugins.awsbatch.exec.GraphRequest;
import io.jenkins.plugins.awsbatch.exec.Journal;
import io.jenkins.plugins.awsbatch.exec.JournalSink;
import io.jenkins.plugins.awsbatch.exec.PollReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted AWS Batch behind a {@link GraphDriver}: it knows which jobs the graph consists of, counts
 * SubmitJob calls per job name, finishes after a number of polls with a chosen outcome.
 */
public final class FakeBatch {
    private static final Map<String, FakeBatch> REGISTRY = new ConcurrentHashMap<>();

    public final ManualRuntime runtime = new ManualRuntime();
    public final List<String[]> plannedJobs = new ArrayList<>(); // {stage, jobName}
    public final Map<String, AtomicInteger> submitCalls = new ConcurrentHashMap<>();
    public final Map<String, String> status = new ConcurrentHashMap<>(); // jobId -> status
    public final AtomicInteger polls = new AtomicInteger();
    public final AtomicInteger terminated = new AtomicInteger();
    public final AtomicInteger opened = new AtomicInteger();
    public volatile int pollsToFinish = 3;
    public volatile Outcome outcome = Outcome.SUCCEEDED;
    public volatile String failureSummary;
    public volatile String inputError;
    public volatile RuntimeException crashAfterFirstSubmit;
    public volatile Runnable duringPoll;
    public volatile String pollInputError;
    public volatile DriverContext lastContext;

    public static FakeBatch create(String key) {
        FakeBatch b = new FakeBatch();
        b.plannedJobs.add(new String[] {"score", "g-run1-score-0"});
        b.plannedJobs.add(new String[] {"rank", "g-run1-rank-0"});
        REGISTRY.put(key, b);
        return b;
    }

    public int totalSubmits() {
        return submitCalls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** The serialisable factory, which finds this batch again by key after a "restart". */
    public static final class Factory implements DriverFactory {
        private static final long serialVersionUID = 1L;
        private final String key;

        public Factory(String key) {
            this.key = key;
        }

        @Override
        public GraphDriver open(GraphRequest request, DriverContext context) {
            FakeBatch b = REGISTRY.get(key);
            b.opened.incrementAndGet();
            b.lastContext = context;
            return new Driver(b);
        }

        @Override
        public ExecutionRuntime runtime() {
            return REGISTRY.get(key).runtime;
        }
    }

    private static final class Driver implements GraphDriver {
        private final FakeBatch b;

        public Driver(FakeBatch b) {
            this.b = b;
        }

        @Override
        public void submit(Journal journal, JournalSink sink) throws Exception {
            if (b.inputError != null) {
                throw new GraphInputException(b.inputError);
            }
            journal.setRunId("run1");
            journal.setGraphName("g");
            for (String[] job : b.plannedJobs) {
                if (journal.contains(job[1])) {
                    continue; // journaled: never submitted twice
                }
                b.submitCalls.computeIfAbsent(job[1], k -> new AtomicInteger()).incrementAndGet();
                String id = "id-" + job[1];
                b.status.put(id, "RUNNING");
                journal.record(new Journal.Entry(job[0], 0, job[1], id));
                sink.persisted();
                RuntimeException crash = b.crashAfterFirstSubmit;
                if (crash != null) {
                    b.crashAfterFirstSubmit = null;
                    throw crash;
                }
            }
        }

        @Override
        public PollReport poll(Journal journal, JournalSink sink) throws GraphInputException {
            int n = b.polls.incrementAndGet();
            Runnable during = b.duringPoll;
            if (during != null) {
                during.run();
            }
            if (b.pollInputError != null) {
                throw new GraphInputException(b.pollInputError);
            }
            GraphRecord record = new GraphRecord(
                    "run1",
                    "g",
                    "local",
                    null,
                    null,
                    null,
                    List.of(new StageRecord(
                            "score",
                            "array",
                            10,
                            Map.of("SUCCEEDED", (long) Math.min(10, n * 5)),
                            journal.getJobIds(),
                            List.of(),
                            List.of(),
                            List.of())),
                    null);
            if (n < b.pollsToFinish) {
                return PollReport.running(
                        "score: " + Math.min(10, n * 5) + "/10 succeeded, 0 failed", List.of(), record);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("runId", "run1");
            result.put("jobIds", journal.getJobIds());
            return PollReport.done(b.outcome, "done", List.of(), b.failureSummary, result, record);
        }

        @Override
        public int terminateAll(Journal journal, String reason) {
            int count = 0;
            for (String id : journal.getJobIds()) {
                if ("RUNNING".equals(b.status.get(id))) {
                    b.status.put(id, "FAILED");
                    count++;
                }
            }
            b.terminated.addAndGet(count);
            return count;
        }
    }
}
