package io.jenkins.plugins.awsbatch.exec;

import io.jenkins.plugins.awsbatch.engine.batch.aws.ProxySettings;
import java.io.File;
import java.io.PrintStream;
import java.util.Map;

/**
 * What the Jenkins side hands the driver when it opens: where to print, the build's folder (for a local
 * store), the environment of the enclosing block (for {@code withAWS} credentials and region), and the
 * resolved credentials. Transient: never persisted.
 */
public final class DriverContext {
    private final PrintStream logger;
    private final File buildDir;
    private final Map<String, String> environment;
    private final Object credentials;
    private final String buildId;
    private final WorkspaceReader workspace;
    private ProxySettings proxy;

    /** Reads a file of the build's workspace (on the agent), for {@code awsBatchRun(file: ...)}. */
    @FunctionalInterface
    public interface WorkspaceReader {
        /** @return the file's text, or null when there is no workspace (no enclosing {@code node}) */
        String read(String relativePath) throws java.io.IOException, InterruptedException;

        /** The workspace as a folder of this machine (the controller), or null when it is elsewhere or absent. */
        default File localDirectory() throws java.io.IOException, InterruptedException {
            return null;
        }

        /**
         * Writes {@code text} (UTF-8) to a workspace file, creating its folders, for the {@code junit} step.
         *
         * @return false when there is no workspace
         */
        default boolean write(String relativePath, String text) throws java.io.IOException, InterruptedException {
            return false;
        }

        /**
         * Copies a workspace file (binary safe) to {@code target} on this machine.
         *
         * @return false when there is no workspace
         */
        default boolean copyTo(String relativePath, File target) throws java.io.IOException, InterruptedException {
            String text = read(relativePath);
            if (text == null) {
                return false;
            }
            java.nio.file.Files.createDirectories(target.toPath().getParent());
            java.nio.file.Files.writeString(target.toPath(), text);
            return true;
        }
    }

    public DriverContext(
            PrintStream logger,
            File buildDir,
            Map<String, String> environment,
            Object credentials,
            String buildId,
            WorkspaceReader workspace) {
        this.workspace = workspace == null ? p -> null : workspace;
        this.logger = logger;
        this.buildDir = buildDir;
        this.environment = environment == null ? Map.of() : environment;
        this.credentials = credentials;
        this.buildId = buildId;
    }

    public PrintStream getLogger() {
        return logger;
    }

    public File getBuildDir() {
        return buildDir;
    }

    public Map<String, String> getEnvironment() {
        return environment;
    }

    /**
     * An {@code software.amazon.awssdk.auth.credentials.AwsCredentialsProvider} resolved from Jenkins
     * credentials or the environment, or null for the default chain. Typed as Object so this class stays free
     * of SDK types in its signature.
     */
    public Object getCredentials() {
        return credentials;
    }

    /** The HTTP proxy for every AWS client and webhook of the run (Jenkins' proxy), or null for none. */
    public ProxySettings getProxy() {
        return proxy;
    }

    public DriverContext withProxy(ProxySettings proxy) {
        this.proxy = proxy;
        return this;
    }

    public WorkspaceReader getWorkspace() {
        return workspace;
    }

    /** A stable identifier of the build, such as {@code folder/job#12}. */
    public String getBuildId() {
        return buildId;
    }
}
