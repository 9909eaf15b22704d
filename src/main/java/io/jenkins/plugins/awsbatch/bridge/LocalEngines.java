package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchService;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embedded local engines of this Jenkins, one per run folder. The local engine runs jobs as processes of
 * this JVM: it must outlive a step that returns without waiting ({@code wait: false}) and be shared by the
 * steps of one run (plan, fan-out, aggregate, cleanup), so that a later step tracks the jobs an earlier one
 * started. An engine is closed when no step uses it and its run has ended. After a Jenkins restart the map is
 * empty and a new engine reloads the run's job table from the run folder.
 */
final class LocalEngines {
    private static final Logger LOGGER = Logger.getLogger(LocalEngines.class.getName());
    private static final Map<String, Entry> ENGINES = new HashMap<>();

    private LocalEngines() {}

    private static final class Entry {
        final RunEngine engine;
        int users;

        Entry(RunEngine engine) {
            this.engine = engine;
        }
    }

    /** One step's use of a run's local engine. */
    static final class Lease {
        private final String key;
        private final RunEngine engine;
        private boolean released;

        Lease(String key, RunEngine engine) {
            this.key = key;
            this.engine = engine;
        }

        RunEngine engine() {
            return engine;
        }

        /** @param runEnded whether the run has no job left running: then the last user closes the engine */
        void release(boolean runEnded) {
            synchronized (ENGINES) {
                if (released) {
                    return;
                }
                released = true;
                Entry entry = ENGINES.get(key);
                if (entry == null || entry.engine != engine) {
                    return;
                }
                entry.users--;
                if (entry.users > 0 || !runEnded) {
                    return;
                }
                ENGINES.remove(key);
            }
            try {
                engine.close();
            } catch (RuntimeException e) {
                LOGGER.log(Level.FINE, "closing the local engine of " + key, e);
            }
        }
    }

    /**
     * The engine of the run folder {@code key}: the running one (with {@code graph}'s definitions, queues and
     * concurrency resources added), or a new one from {@code create}.
     */
    static Lease acquire(String key, GraphSpec graph, Supplier<RunEngine> create) {
        synchronized (ENGINES) {
            Entry entry = ENGINES.get(key);
            if (entry == null) {
                entry = new Entry(create.get());
                ENGINES.put(key, entry);
            } else if (entry.engine.resources() instanceof LocalBatchService local) {
                EngineFactory.registerLocal(graph, local);
            }
            entry.users++;
            return new Lease(key, entry.engine);
        }
    }

    /** How many local engines are open (diagnostics and tests). */
    static int open() {
        synchronized (ENGINES) {
            return ENGINES.size();
        }
    }
}
