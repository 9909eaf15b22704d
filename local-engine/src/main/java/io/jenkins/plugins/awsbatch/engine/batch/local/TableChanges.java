package io.jenkins.plugins.awsbatch.engine.batch.local;

/**
 * Told of every change to the job table, in the order they happen and under the scheduler's lock, so a record
 * of them replayed in order rebuilds the table ({@link StateJournal}).
 */
interface TableChanges {
    TableChanges NONE = new TableChanges() {
        @Override
        public void submitted(LocalJob top) {}

        @Override
        public void changed(LocalJob job) {}
    };

    /** A top-level job was created (an array with all its children SUBMITTED), before any of them moves. */
    void submitted(LocalJob top);

    /** Something kept of {@code job} (its status, times, attempts, flags or reasons) changed. */
    void changed(LocalJob job);
}
