package io.jenkins.plugins.awsbatch.exec;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one step asked for: its kind, its arguments as a plain map (already copied by {@link PlainData}), the
 * resolved settings and whether to wait. Serialisable and secret-free: it is persisted with the execution.
 */
public final class GraphRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    private final StepKind kind;
    private final LinkedHashMap<String, Object> arguments;
    private final Settings settings;
    private final Settings defaults;
    private final boolean waitForCompletion;
    private final PollPolicy pollPolicy;
    /** The administrator's decision: may this step use the local engine or a file: store (see bridge.ControllerAccess). */
    private final boolean controllerAccess;
    /** The administrator's decision: may a step without credentials use the controller's own AWS identity. */
    private final boolean controllerIdentity;

    /** A request that may not use the local engine or a {@code file:} store. */
    public GraphRequest(
            StepKind kind,
            Map<String, Object> arguments,
            Settings settings,
            Settings defaults,
            boolean waitForCompletion,
            PollPolicy pollPolicy) {
        this(kind, arguments, settings, defaults, waitForCompletion, pollPolicy, false);
    }

    /**
     * @param settings         what the step itself says (explicit values)
     * @param defaults         the global configuration at the time the step started (used after the environment)
     * @param controllerAccess whether an administrator allowed the local engine and file: stores
     */
    public GraphRequest(
            StepKind kind,
            Map<String, Object> arguments,
            Settings settings,
            Settings defaults,
            boolean waitForCompletion,
            PollPolicy pollPolicy,
            boolean controllerAccess) {
        this(kind, arguments, settings, defaults, waitForCompletion, pollPolicy, controllerAccess, false);
    }

    /**
     * @param controllerIdentity whether an administrator allowed steps without credentials to use the
     *                           controller's own AWS identity (default chain, instance role, its profiles)
     */
    public GraphRequest(
            StepKind kind,
            Map<String, Object> arguments,
            Settings settings,
            Settings defaults,
            boolean waitForCompletion,
            PollPolicy pollPolicy,
            boolean controllerAccess,
            boolean controllerIdentity) {
        this.controllerAccess = controllerAccess;
        this.controllerIdentity = controllerIdentity;
        this.kind = kind;
        this.arguments = PlainData.copyMap(arguments, "");
        this.settings = settings == null ? Settings.empty() : settings;
        this.defaults = defaults == null ? Settings.empty() : defaults;
        this.waitForCompletion = waitForCompletion;
        this.pollPolicy = pollPolicy == null ? PollPolicy.DEFAULT : pollPolicy;
    }

    public StepKind getKind() {
        return kind;
    }

    public Map<String, Object> getArguments() {
        return Collections.unmodifiableMap(arguments);
    }

    public Settings getSettings() {
        return settings;
    }

    /** The global configuration's values, consulted after the step's own and the environment's. */
    public Settings getDefaults() {
        return defaults;
    }

    /**
     * The effective settings: the step's values, then the region of the environment ({@code AWS_REGION},
     * {@code AWS_DEFAULT_REGION}, as {@code withAWS} sets them) and its endpoint ({@code AWS_ENDPOINT_URL},
     * {@code withAWS(endpointUrl:)}), then the global configuration.
     */
    public Settings effectiveSettings(Map<String, String> environment) {
        String envRegion = null;
        String envEndpoint = null;
        if (environment != null) {
            envEndpoint = environment.get("AWS_ENDPOINT_URL");
            envRegion = Settings.blankToNull(environment.get("AWS_REGION"));
            if (envRegion == null) {
                envRegion = Settings.blankToNull(environment.get("AWS_DEFAULT_REGION"));
            }
        }
        return settings.withRegionIfUnset(envRegion)
                .withEndpointIfUnset(envEndpoint)
                .orElse(defaults);
    }

    public boolean isWaitForCompletion() {
        return waitForCompletion;
    }

    public PollPolicy getPollPolicy() {
        return pollPolicy;
    }

    /** Whether a step without credentials may use the controller's own AWS identity. */
    public boolean isControllerIdentityAllowed() {
        return controllerIdentity;
    }

    /**
     * Whether an administrator allowed the local engine and file: stores when the step started (checked by
     * {@code bridge.ControllerAccess} once the engine and store are resolved).
     */
    public boolean isControllerAccessAllowed() {
        return controllerAccess;
    }
}
