package io.jenkins.plugins.awsbatch.action;

import java.io.Serializable;

/** One failed item as the build page shows it. Plain data. */
public final class FailedItemRecord implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long index;
    private final String key;
    private final Integer exitCode;
    private final String statusReason;
    private final String logTail;
    private final String logUrl;

    public FailedItemRecord(
            long index, String key, Integer exitCode, String statusReason, String logTail, String logUrl) {
        this.index = index;
        this.key = key;
        this.exitCode = exitCode;
        this.statusReason = statusReason;
        this.logTail = logTail;
        this.logUrl = logUrl;
    }

    public long getIndex() {
        return index;
    }

    public String getKey() {
        return key;
    }

    public Integer getExitCode() {
        return exitCode;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public String getLogTail() {
        return logTail;
    }

    public String getLogUrl() {
        return logUrl;
    }
}
