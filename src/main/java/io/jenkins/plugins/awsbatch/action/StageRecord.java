package io.jenkins.plugins.awsbatch.action;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One stage of a graph run as the build page draws it: counts per status, jobs, dependencies, failures. */
public final class StageRecord implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String type;
    private final long size;
    private final LinkedHashMap<String, Long> counts;
    private final ArrayList<String> jobIds;
    private final ArrayList<String> dependsOn;
    private final ArrayList<FailedItemRecord> failedItems;
    private final ArrayList<String> jobUrls;

    public StageRecord(
            String name,
            String type,
            long size,
            Map<String, Long> counts,
            List<String> jobIds,
            List<String> dependsOn,
            List<FailedItemRecord> failedItems,
            List<String> jobUrls) {
        this.name = name;
        this.type = type;
        this.size = size;
        this.counts = counts == null ? new LinkedHashMap<>() : new LinkedHashMap<>(counts);
        this.jobIds = jobIds == null ? new ArrayList<>() : new ArrayList<>(jobIds);
        this.dependsOn = dependsOn == null ? new ArrayList<>() : new ArrayList<>(dependsOn);
        this.failedItems = failedItems == null ? new ArrayList<>() : new ArrayList<>(failedItems);
        this.jobUrls = jobUrls == null ? new ArrayList<>() : new ArrayList<>(jobUrls);
    }

    public String getName() {
        return name;
    }

    public String getType() {
        return type;
    }

    public long getSize() {
        return size;
    }

    public Map<String, Long> getCounts() {
        return Collections.unmodifiableMap(counts);
    }

    public long count(String status) {
        Long n = counts.get(status);
        return n == null ? 0 : n;
    }

    public long getSucceeded() {
        return count("SUCCEEDED");
    }

    public long getFailed() {
        return count("FAILED");
    }

    public long getRunning() {
        return count("RUNNING");
    }

    /** Not running yet, STARTING included (being placed; locally, waiting in the launcher's queue for a slot). */
    public long getWaiting() {
        return count("SUBMITTED") + count("PENDING") + count("RUNNABLE") + count("STARTING");
    }

    /** Percentage of items finished (succeeded or failed), 0..100, for the progress bar. */
    public int getPercentDone() {
        if (size <= 0) {
            return 0;
        }
        return (int) Math.min(100, (getSucceeded() + getFailed()) * 100 / size);
    }

    public int getPercentFailed() {
        if (size <= 0) {
            return 0;
        }
        return (int) Math.min(100, getFailed() * 100 / size);
    }

    public List<String> getJobIds() {
        return Collections.unmodifiableList(jobIds);
    }

    public List<String> getJobUrls() {
        return Collections.unmodifiableList(jobUrls);
    }

    public List<String> getDependsOn() {
        return Collections.unmodifiableList(dependsOn);
    }

    public List<FailedItemRecord> getFailedItems() {
        return Collections.unmodifiableList(failedItems);
    }

    /** "9,812/10,000 succeeded, 3 failed" */
    public String getSummary() {
        return String.format("%,d/%,d succeeded, %,d failed", getSucceeded(), size, getFailed());
    }
}
