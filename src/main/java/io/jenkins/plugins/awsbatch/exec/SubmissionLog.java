package io.jenkins.plugins.awsbatch.exec;

import hudson.model.TaskListener;
import java.io.IOException;
import java.util.List;

/** The console lines of a step's submissions: one per job, with a link to its AWS console page on AWS. */
final class SubmissionLog {
    private SubmissionLog() {}

    /**
     * Prints the entries from {@code from} on.
     *
     * @return how many entries are announced now
     */
    static int announce(TaskListener listener, List<Journal.Entry> entries, int from, Settings settings) {
        for (int i = from; i < entries.size() && listener != null; i++) {
            Journal.Entry e = entries.get(i);
            String text = "Submitted " + e.getStage() + (e.getChunk() > 0 ? " chunk " + e.getChunk() : "") + ": "
                    + e.getJobName() + " (" + e.getJobId() + ")";
            String url = settings.isLocal() ? null : ConsoleLinks.job(settings.getRegion(), e.getJobId());
            if (url == null) {
                listener.getLogger().println(text);
            } else {
                try {
                    listener.getLogger().print(text + " ");
                    listener.hyperlink(url, "AWS console");
                    listener.getLogger().println();
                } catch (IOException | RuntimeException ex) {
                    listener.getLogger().println(text + " " + url);
                }
            }
        }
        return entries.size();
    }
}
