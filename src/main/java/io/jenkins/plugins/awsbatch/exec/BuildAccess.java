package io.jenkins.plugins.awsbatch.exec;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.awsbatch.action.AwsBatchGraphAction;
import io.jenkins.plugins.awsbatch.action.GraphRecord;
import io.jenkins.plugins.awsbatch.creds.AwsCredentialsResolver;
import io.jenkins.plugins.awsbatch.engine.batch.aws.ProxySettings;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A step execution's access to its build: the driver's view of it (folder, environment, credentials, workspace
 * through {@link FilePath}, proxy), and the marks a step leaves on it (result, warning, build page).
 */
final class BuildAccess {
    private static final Logger LOGGER = Logger.getLogger(BuildAccess.class.getName());

    private BuildAccess() {}

    /** What the engine side needs of the build: its folder, environment, credentials, workspace and proxy. */
    static DriverContext driverContext(StepContext context, GraphRequest request, ProxySettings proxy)
            throws Exception {
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        EnvVars env = context.get(EnvVars.class);
        Map<String, String> environment = env == null ? Map.of() : new LinkedHashMap<>(env);
        Settings effective = request.effectiveSettings(environment);
        PrintStream logger = listener == null ? System.out : listener.getLogger();
        Object credentials = effective.isLocal()
                ? null
                : AwsCredentialsResolver.resolve(
                        run,
                        request.getSettings(),
                        effective,
                        environment,
                        logger,
                        request.isControllerIdentityAllowed());
        DriverContext dc = new DriverContext(
                        logger,
                        run == null ? null : run.getRootDir(),
                        environment,
                        credentials,
                        run == null ? null : run.getExternalizableId(),
                        new Workspace(context))
                .withProxy(proxy);
        return dc;
    }

    /** The build's workspace through {@link FilePath}, wherever it is (controller or agent). */
    private static final class Workspace implements DriverContext.WorkspaceReader {
        private final StepContext context;

        Workspace(StepContext context) {
            this.context = context;
        }

        @Override
        public String read(String relativePath) throws IOException, InterruptedException {
            FilePath file = file(relativePath);
            return file == null ? null : file.readToString();
        }

        @Override
        public java.io.File localDirectory() throws IOException, InterruptedException {
            FilePath workspace = context.get(FilePath.class);
            return workspace == null || workspace.isRemote() ? null : new java.io.File(workspace.getRemote());
        }

        @Override
        public boolean copyTo(String relativePath, java.io.File target) throws IOException, InterruptedException {
            FilePath file = file(relativePath);
            if (file == null) {
                return false;
            }
            java.nio.file.Files.createDirectories(
                    target.toPath().toAbsolutePath().getParent());
            file.copyTo(new FilePath(target));
            return true;
        }

        @Override
        public boolean write(String relativePath, String text) throws IOException, InterruptedException {
            FilePath workspace = context.get(FilePath.class);
            if (workspace == null) {
                return false;
            }
            workspace.child(relativePath).write(text, "UTF-8"); // creates the file's folders
            return true;
        }

        private FilePath file(String relativePath) throws IOException, InterruptedException {
            FilePath workspace = context.get(FilePath.class);
            if (workspace == null) {
                return null;
            }
            FilePath file = workspace.child(relativePath);
            if (!file.exists()) {
                throw new AbortException(
                        "file: '" + relativePath + "' does not exist in the workspace " + workspace.getRemote());
            }
            return file;
        }
    }

    static void markUnstable(StepContext context, String message) {
        try {
            Run<?, ?> run = context.get(Run.class);
            if (run != null) {
                run.setResult(Result.UNSTABLE);
            }
            FlowNode node = context.get(FlowNode.class);
            if (node != null) {
                node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(message));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "could not mark the build unstable", e);
        }
    }

    static void markAborted(StepContext context) {
        try {
            Run<?, ?> run = context.get(Run.class);
            if (run != null) {
                run.setResult(Result.ABORTED);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "could not mark the build aborted", e);
        }
    }

    /** Shows the run on the build page (and in build.xml). */
    static void publish(StepContext context, GraphRecord record) {
        if (record == null) {
            return;
        }
        try {
            Run<?, ?> run = context.get(Run.class);
            if (run == null) {
                return;
            }
            AwsBatchGraphAction.publish(run, record);
        } catch (IOException | InterruptedException | RuntimeException e) {
            LOGGER.log(Level.FINE, "could not update the build page", e);
        }
    }
}
