package io.jenkins.plugins.awsbatch.exec;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What this step persists with its execution to find its run again: the run id and store (in
 * {@link #getResult()}) and the jobs this step submitted. The run's own record is its {@code state.json} in the
 * run's store, which the engine writes after every SubmitJob; this journal is saved before the next AWS call
 * too, so a resumed execution never submits a job twice. Plain data, no SDK type, no secret.
 */
public final class Journal implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One submitted job. */
    public static final class Entry implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String stage;
        private final int chunk;
        private final String jobName;
        private final String jobId;

        public Entry(String stage, int chunk, String jobName, String jobId) {
            this.stage = stage;
            this.chunk = chunk;
            this.jobName = jobName;
            this.jobId = jobId;
        }

        public String getStage() {
            return stage;
        }

        public int getChunk() {
            return chunk;
        }

        public String getJobName() {
            return jobName;
        }

        public String getJobId() {
            return jobId;
        }

        @Override
        public String toString() {
            return stage + "#" + chunk + "=" + jobId;
        }
    }

    private String runId;
    private String graphName;
    private final List<Entry> entries = new ArrayList<>();
    private final LinkedHashMap<String, Object> result = new LinkedHashMap<>();

    public synchronized String getRunId() {
        return runId;
    }

    public synchronized void setRunId(String runId) {
        this.runId = runId;
    }

    public synchronized String getGraphName() {
        return graphName;
    }

    public synchronized void setGraphName(String graphName) {
        this.graphName = graphName;
    }

    /** Records a submission; returns false (and records nothing) if that job name is already journaled. */
    public synchronized boolean record(Entry entry) {
        for (Entry e : entries) {
            if (e.jobName.equals(entry.jobName)) {
                return false;
            }
        }
        entries.add(entry);
        return true;
    }

    public synchronized boolean contains(String jobName) {
        return entries.stream().anyMatch(e -> e.jobName.equals(jobName));
    }

    public synchronized List<Entry> getEntries() {
        return Collections.unmodifiableList(new ArrayList<>(entries));
    }

    public synchronized List<String> getJobIds() {
        List<String> ids = new ArrayList<>();
        for (Entry e : entries) {
            ids.add(e.jobId);
        }
        return ids;
    }

    /** Values the step will return (kept so a resumed execution returns the same thing). */
    public synchronized Map<String, Object> getResult() {
        return new LinkedHashMap<>(result);
    }

    public synchronized void putResult(Map<String, Object> values) {
        result.putAll(PlainData.copyMap(values, "result"));
    }

    /**
     * Serialised under the same lock as every mutation: Pipeline saves the program (with this journal) on the
     * CPS VM thread while a background thread may be recording a submission or the engine state.
     */
    private synchronized void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
    }
}
