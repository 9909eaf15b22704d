package io.jenkins.plugins.awsbatch.engine.batch.local;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;

/**
 * The lines that rebuild a job table, copied under the scheduler's lock and made into {@link JournalEntry}s only
 * as they are read (when the snapshot is written, outside the lock): a copy of 300,000 children is some 18 MB
 * of {@link JobImage}s instead of 110 MB of lines held at once.
 */
final class TableImage extends AbstractList<JournalEntry> implements RandomAccess {
    /** {@link JournalEntry} or {@link JobImage}. */
    private final List<Object> lines;

    private TableImage(List<Object> lines) {
        this.lines = lines;
    }

    /** Per job: what it was submitted with, its state, and the state of each child that moved. Under the lock. */
    static TableImage of(Collection<LocalJob> topLevelJobs, int expectedSize) {
        List<Object> lines = new ArrayList<>(expectedSize + topLevelJobs.size());
        for (LocalJob top : topLevelJobs) {
            lines.add(JournalEntry.Submitted.of(top));
            lines.add(JournalEntry.JobState.of(top));
            if (top.isArrayParent()) {
                for (LocalJob child : top.children) {
                    JobImage image = child.image();
                    if (!image.isInitial()) {
                        lines.add(image);
                    }
                }
            }
        }
        return new TableImage(lines);
    }

    @Override
    public JournalEntry get(int index) {
        Object line = lines.get(index);
        return line instanceof JobImage image ? image.toEntry() : (JournalEntry) line;
    }

    @Override
    public int size() {
        return lines.size();
    }
}
