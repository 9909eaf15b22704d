package io.jenkins.plugins.awsbatch.engine.trigger;

import java.util.Iterator;
import java.util.LinkedHashSet;

/** Objects already handed over, by {@link S3ObjectEvent#identity()}, so a redelivered event starts nothing. */
public interface SeenObjects {

    boolean contains(S3ObjectEvent event);

    /** Remembers it; persistent implementations have written it down when this returns. */
    void add(S3ObjectEvent event);

    /** Kept in memory only: for a single watch session and tests. */
    static SeenObjects inMemory(int capacity) {
        return new SeenObjects() {
            private final LinkedHashSet<String> seen = new LinkedHashSet<>();

            @Override
            public synchronized boolean contains(S3ObjectEvent event) {
                return seen.contains(event.identity());
            }

            @Override
            public synchronized void add(S3ObjectEvent event) {
                seen.add(event.identity());
                Iterator<String> oldest = seen.iterator();
                while (seen.size() > capacity && oldest.hasNext()) {
                    oldest.next();
                    oldest.remove();
                }
            }
        };
    }
}
