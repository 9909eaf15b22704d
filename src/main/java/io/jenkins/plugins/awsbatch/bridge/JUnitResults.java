package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.engine.report.JUnitXml;
import io.jenkins.plugins.awsbatch.engine.report.RunReport;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;
import io.jenkins.plugins.awsbatch.exec.DriverContext;
import io.jenkins.plugins.awsbatch.exec.GraphInputException;
import io.jenkins.plugins.awsbatch.exec.GraphRequest;
import java.io.IOException;
import java.util.List;

/**
 * A step's {@code junitXml: 'path'}: when its run ends, each stage's items as JUnit XML (the same file as
 * {@code batchgraph report}) written into the build's workspace, for the {@code junit} step and its test-result
 * trend. Writing never changes the run's outcome: a failure is one console line.
 */
final class JUnitResults {
    static final String ARGUMENT = "junitXml";

    private JUnitResults() {}

    /** Refuses, before anything is submitted, a path that would leave the workspace. */
    static void checkPath(GraphRequest request) throws GraphInputException {
        String path = path(request);
        if (path != null) {
            WorkspaceItems.requireInside(path, ARGUMENT);
        }
    }

    /** @return the console lines: what was written where, or why nothing was */
    static List<String> write(GraphRequest request, DriverContext context, RunState state, StoreResolver stores) {
        String path = path(request);
        if (path == null || state == null) {
            return List.of();
        }
        try {
            RunReport report = RunReport.read(state, stores);
            if (!context.getWorkspace().write(path, JUnitXml.render(report))) {
                return List.of(
                        ARGUMENT + ": '" + path + "' not written: there is no workspace (run the step inside node)");
            }
            long items = report.stages().stream()
                    .mapToLong(s -> Math.max(1, s.items().length))
                    .sum();
            return List.of(ARGUMENT + ": wrote " + items + " test case(s) of "
                    + report.stages().size() + " stage(s) to '" + path + "' (archive it with junit '" + path + "')");
        } catch (IOException | RuntimeException e) {
            return List.of(
                    ARGUMENT + ": '" + path + "' not written (the run's outcome is unchanged): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(ARGUMENT + ": '" + path + "' not written: interrupted");
        }
    }

    private static String path(GraphRequest request) {
        Object value = request.getArguments().get(ARGUMENT);
        return value == null || String.valueOf(value).isBlank()
                ? null
                : String.valueOf(value).trim();
    }
}
