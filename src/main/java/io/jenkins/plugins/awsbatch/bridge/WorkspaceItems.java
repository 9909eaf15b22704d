package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.ItemSourceSpec;
import io.jenkins.plugins.awsbatch.engine.graph.PlanSpec;
import io.jenkins.plugins.awsbatch.exec.DriverContext;
import io.jenkins.plugins.awsbatch.exec.GraphInputException;
import java.io.File;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * A graph's items file ({@code items: [file: ...]}, {@code plan.items.file}) is a file of the build's
 * workspace, read through the workspace (on the agent that has it) into the build's folder on the controller:
 * never a path of the controller itself. Absolute paths and paths leaving the workspace are refused.
 */
final class WorkspaceItems {
    static final String INPUTS = "batchgraph-inputs";
    private static final Pattern ABSOLUTE = Pattern.compile("^([/\\\\]|[A-Za-z]:).*");
    private static final Pattern PARENT = Pattern.compile("(^|[/\\\\])\\.\\.([/\\\\]|$)");

    private WorkspaceItems() {}

    /**
     * @param graph     the graph whose items file to fetch
     * @param folder    the workspace folder the file is relative to (the graph file's), or null for the root
     * @param workspace the build's workspace
     * @param inputs    the folder of the build the file is copied to
     * @param field     the argument to name in errors ({@code items.file}, {@code plan.items.file})
     * @param refresh   false when a step resumes: a copy made before the restart is used as it is
     * @return the graph reading its items from the copy (an absolute path), or {@code graph} without a file
     */
    static GraphSpec fetch(
            GraphSpec graph,
            String folder,
            DriverContext.WorkspaceReader workspace,
            File inputs,
            String field,
            boolean refresh)
            throws IOException, InterruptedException, GraphInputException {
        ItemSourceSpec items = graph.plan() == null ? null : graph.plan().items();
        if (items == null || items.file() == null) {
            return graph;
        }
        String file = requireInside(items.file(), field);
        String relative = folder == null || folder.isEmpty() ? file : folder + "/" + file;
        File copy = new File(inputs, relative);
        if ((refresh || !copy.isFile()) && !workspace.copyTo(relative, copy)) {
            throw new GraphInputException(field + ": '" + file + "' is read from the workspace; run the step inside "
                    + "node { } (or give list: or s3:)");
        }
        ItemSourceSpec fetched =
                new ItemSourceSpec(items.list(), copy.getAbsolutePath(), items.s3(), items.sheet(), items.key());
        return graph.toBuilder()
                .plan(new PlanSpec(
                        fetched, graph.plan().itemStore(), graph.plan().itemLayout()))
                .build();
    }

    /** @return {@code path} when it is relative and stays inside the workspace */
    static String requireInside(String path, String field) throws GraphInputException {
        if (ABSOLUTE.matcher(path).matches() || PARENT.matcher(path).find()) {
            throw new GraphInputException(field + ": '" + path + "' must be a path inside the workspace (relative, "
                    + "without '..'); files of the Jenkins controller are not read");
        }
        return path;
    }

    /** The workspace folder of a graph file given as {@code file:} (null for the workspace's root). */
    static String folderOf(String graphFile) {
        if (graphFile == null) {
            return null;
        }
        int slash = Math.max(graphFile.lastIndexOf('/'), graphFile.lastIndexOf('\\'));
        return slash <= 0 ? null : graphFile.substring(0, slash);
    }
}
