package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.engine.batch.aws.CredentialsSpec;
import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.host.EngineAccess;
import io.jenkins.plugins.awsbatch.engine.host.GraphHost;
import io.jenkins.plugins.awsbatch.engine.host.RunProgress;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import io.jenkins.plugins.awsbatch.engine.run.wiring.LazyStores;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import io.jenkins.plugins.awsbatch.exec.DriverContext;
import io.jenkins.plugins.awsbatch.exec.GraphInputException;
import io.jenkins.plugins.awsbatch.exec.GraphRequest;
import io.jenkins.plugins.awsbatch.exec.Settings;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * One step's access to the engine: which engine and store (the step's settings, the run's, the global
 * configuration's), the build's credentials and Jenkins' proxy, the administrator's consent for the local engine
 * and {@code file:} stores, and the local engines the steps of one run share. The {@link GraphHost} it makes
 * decides when an engine is opened (after validation, under the run's lock).
 */
final class EngineSession implements EngineAccess {
    private final GraphRequest request;
    private final DriverContext context;
    private final Settings settings;
    private final RunListener listener;
    /** The run as the step last saw it: the last user of a local engine closes it only once its run has ended. */
    private volatile RunState current;

    EngineSession(GraphRequest request, DriverContext context, RunListener listener) {
        this.request = request;
        this.context = context;
        this.settings = request.effectiveSettings(context.getEnvironment());
        this.listener = listener;
    }

    GraphRequest request() {
        return request;
    }

    DriverContext context() {
        return context;
    }

    Settings settings() {
        return settings;
    }

    GraphHost host() {
        return new GraphHost(
                this, listener, "Jenkins " + (context.getBuildId() == null ? "build" : context.getBuildId()));
    }

    /** The run as this step last saw it. */
    void observe(RunState state) {
        this.current = state;
    }

    /** Refuses the local engine and {@code file:} stores unless an administrator allowed them. */
    void checkAccess(String engine, String store) throws GraphInputException {
        ControllerAccess.check(
                request.isControllerAccessAllowed(), engine, store == null ? null : canonicalStore(store));
    }

    @Override
    public LazyStores stores() {
        return EngineFactory.stores(options(EngineKind.AWS, null));
    }

    @Override
    public RunEngine open(GraphSpec graph, String runId, Path baseDir) {
        String engineName = graph.engineOrDefault();
        String storeUri = canonicalStore(graph.storeOrDefault());
        try {
            checkAccess(engineName, storeUri);
        } catch (GraphInputException e) {
            throw new CheckedFailure(e);
        }
        Path base = baseDir != null ? baseDir : buildDirPath();
        EngineFactory factory = new EngineFactory(Clock.systemUTC());
        if (!EngineKind.isLocal(engineName)) {
            return factory.create(graph, runId, base, options(EngineKind.AWS, graph), listener);
        }
        GraphSpec located = graph.withStore(storeUri);
        String key = LocalObjectStore.toPath(new RunLayout(storeUri, runId).runUri())
                .toAbsolutePath()
                .normalize()
                .toString();
        LocalEngines.Lease lease = LocalEngines.acquire(
                key,
                located,
                () -> factory.create(located, runId, base, options(EngineKind.LOCAL, graph), RunListener.NONE));
        return new RunEngine(lease.engine().services(), () -> lease.release(runEnded()));
    }

    private boolean runEnded() {
        RunState s = current;
        return s == null || s.outcome != null || RunProgress.of(s).allFinished();
    }

    private EngineOptions options(EngineKind kind, GraphSpec graph) {
        if (kind == EngineKind.LOCAL) {
            return EngineOptions.local();
        }
        String region = settings.getRegion() != null ? settings.getRegion() : graph == null ? null : graph.region();
        // withAWS(profile:) sets AWS_PROFILE: the region of that profile, when nothing else names one
        String profile = Settings.blankToNull(context.getEnvironment().get("AWS_PROFILE"));
        // without an endpoint of the step, withAWS or the global configuration: the build's AWS_ENDPOINT_URL_<SERVICE>
        return new EngineOptions(
                        kind, region, settings.getEndpointUrl(), profile, credentials(), null, context.getProxy())
                .withEnvironmentEndpoints(context.getEnvironment()::get);
    }

    /** The resolved Jenkins credentials (never printed), with the role assumed on top when one is set. */
    private CredentialsSpec credentials() {
        Object resolved = context.getCredentials();
        CredentialsSpec base = resolved instanceof AwsCredentialsProvider provider
                ? new CredentialsSpec.Provided(
                        provider,
                        settings.getCredentialsId() != null
                                ? "Jenkins credentials '" + settings.getCredentialsId() + "'"
                                : "credentials of the build")
                : null;
        if (settings.getRoleArn() == null) {
            return base;
        }
        return new CredentialsSpec.AssumeRole(
                base != null ? base : CredentialsSpec.defaultChain(),
                settings.getRoleArn(),
                settings.getExternalId(),
                "jenkins-batchgraph",
                null);
    }

    /** The step's engine, then the global configuration's; {@code aws} when nothing says. */
    String engineName() {
        String explicit = request.getSettings().getEngineOrNull();
        if (explicit != null) {
            return explicit;
        }
        String global = request.getDefaults().getEngineOrNull();
        return global != null ? global : EngineKind.AWS.id();
    }

    /** The configured store; on the local engine without one, a folder of the build. */
    String storeFor(String engineName) {
        if (settings.getStore() != null) {
            return settings.getStore();
        }
        if (EngineKind.isLocal(engineName) && context.getBuildDir() != null) {
            return LocalObjectStore.toUri(
                    context.getBuildDir().toPath().toAbsolutePath().resolve("batchgraph"));
        }
        return null;
    }

    static String canonicalStore(String store) {
        return store.startsWith("file:") ? LocalObjectStore.canonical(store) : store;
    }

    Path buildDirPath() {
        return context.getBuildDir() == null
                ? null
                : context.getBuildDir().toPath().toAbsolutePath();
    }

    /** Where items files of the workspace are copied to. */
    File inputsDir() {
        File buildDir =
                context.getBuildDir() != null ? context.getBuildDir() : new File(System.getProperty("java.io.tmpdir"));
        return new File(buildDir, WorkspaceItems.INPUTS);
    }
}
