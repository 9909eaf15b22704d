package io.jenkins.plugins.awsbatch.engine.run.wiring;

/** A run's services and what must be closed after the run (process pools, SDK clients). */
public record RunEngine(RunServices services, AutoCloseable resources) implements AutoCloseable {
    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the engine failed: " + e.getMessage(), e);
        }
    }
}
