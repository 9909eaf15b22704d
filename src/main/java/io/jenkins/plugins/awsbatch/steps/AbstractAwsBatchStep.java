package io.jenkins.plugins.awsbatch.steps;

import io.jenkins.plugins.awsbatch.bridge.EngineDriverFactory;
import io.jenkins.plugins.awsbatch.config.AwsBatchGraphConfiguration;
import io.jenkins.plugins.awsbatch.exec.DriverFactory;
import io.jenkins.plugins.awsbatch.exec.GraphRequest;
import io.jenkins.plugins.awsbatch.exec.GraphStepExecution;
import io.jenkins.plugins.awsbatch.exec.PollPolicy;
import io.jenkins.plugins.awsbatch.exec.Settings;
import io.jenkins.plugins.awsbatch.exec.StepKind;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What every aws-batch-graph step shares: where to run (engine, region, queue, store) and as whom
 * (credentialsId, optional role). Each is optional; unset values come from the environment of an enclosing
 * {@code withAWS} block, then from the global configuration.
 */
public abstract class AbstractAwsBatchStep extends Step {

    /** System property (milliseconds) for the first poll delay; tests set it low. */
    public static final String POLL_MIN_PROPERTY = AbstractAwsBatchStep.class.getName() + ".pollMinMillis";

    private String credentialsId;
    private String region;
    private String roleArn;
    private String externalId;
    private String engine;
    private String store;
    private String queue;

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Settings.blankToNull(credentialsId);
    }

    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = Settings.blankToNull(region);
    }

    public String getRoleArn() {
        return roleArn;
    }

    @DataBoundSetter
    public void setRoleArn(String roleArn) {
        this.roleArn = Settings.blankToNull(roleArn);
    }

    public String getExternalId() {
        return externalId;
    }

    @DataBoundSetter
    public void setExternalId(String externalId) {
        this.externalId = Settings.blankToNull(externalId);
    }

    public String getEngine() {
        return engine;
    }

    @DataBoundSetter
    public void setEngine(String engine) {
        this.engine = Settings.blankToNull(engine);
    }

    public String getStore() {
        return store;
    }

    @DataBoundSetter
    public void setStore(String store) {
        this.store = Settings.blankToNull(store);
    }

    public String getQueue() {
        return queue;
    }

    @DataBoundSetter
    public void setQueue(String queue) {
        this.queue = Settings.blankToNull(queue);
    }

    /** The step's own settings (explicit values only). */
    protected Settings explicitSettings() {
        return new Settings(engine, region, queue, store, credentialsId, roleArn, externalId, null);
    }

    /** Which step this is. */
    protected abstract StepKind kind();

    /** The step's arguments as a plain map (nulls left out). */
    protected abstract Map<String, Object> arguments();

    /** Whether the step waits for the jobs it submits to finish. */
    protected boolean waitForCompletion() {
        return true;
    }

    /** Builds the request: the step's values, the global configuration as defaults. */
    public GraphRequest toRequest(Settings defaults) {
        return toRequest(defaults, false);
    }

    /**
     * Builds the request: the step's values, the global configuration as defaults, and whether the administrator
     * allowed the local engine and file: stores (a step's own {@code engine} or {@code store} cannot).
     */
    public GraphRequest toRequest(Settings defaults, boolean controllerAccess) {
        return toRequest(defaults, controllerAccess, false);
    }

    /** As {@link #toRequest(Settings, boolean)}, and whether the controller's own AWS identity may be used. */
    public GraphRequest toRequest(Settings defaults, boolean controllerAccess, boolean controllerIdentity) {
        return new GraphRequest(
                kind(),
                arguments(),
                explicitSettings(),
                defaults,
                waitForCompletion(),
                pollPolicy(),
                controllerAccess,
                controllerIdentity);
    }

    static PollPolicy pollPolicy() {
        Long min = Long.getLong(POLL_MIN_PROPERTY);
        if (min == null) {
            return PollPolicy.DEFAULT;
        }
        return new PollPolicy(
                min, Math.max(min, Math.min(60_000, min * 12)), 1.5, PollPolicy.DEFAULT.getStopTimeoutMillis());
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        AwsBatchGraphConfiguration global = AwsBatchGraphConfiguration.get();
        return new GraphStepExecution(
                context,
                toRequest(global.toSettings(), global.isAllowLocalEngine(), global.isAllowControllerIdentity()),
                driverFactory());
    }

    /** The engine bridge; overridable for tests. */
    protected DriverFactory driverFactory() {
        return EngineDriverFactory.INSTANCE;
    }

    static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    static Map<String, Object> newArgs() {
        return new LinkedHashMap<>();
    }
}
