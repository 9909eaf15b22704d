package io.jenkins.plugins.awsbatch.exec;

import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how a step talks to AWS Batch, resolved from the step's own arguments, then the global
 * configuration, then the environment. Holds identifiers only (a credentials id, a role ARN), never a secret,
 * so it may be persisted with the step execution.
 */
public final class Settings implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String engine;
    private final String region;
    private final String queue;
    private final String store;
    private final String credentialsId;
    private final String roleArn;
    private final String externalId;
    private final String endpointUrl;

    public Settings(
            String engine,
            String region,
            String queue,
            String store,
            String credentialsId,
            String roleArn,
            String externalId,
            String endpointUrl) {
        this.engine = blankToNull(engine) == null ? null : engine.trim().toLowerCase(Locale.ROOT);
        this.region = blankToNull(region);
        this.queue = blankToNull(queue);
        this.store = blankToNull(store);
        this.credentialsId = blankToNull(credentialsId);
        this.roleArn = blankToNull(roleArn);
        this.externalId = blankToNull(externalId);
        this.endpointUrl = blankToNull(endpointUrl);
    }

    public static Settings empty() {
        return new Settings(null, null, null, null, null, null, null, null);
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** {@code aws} (the default) or {@code local}. */
    public String getEngine() {
        return engine == null ? EngineKind.AWS.id() : engine;
    }

    /** The engine as configured ({@code aws} or {@code local}), or null when nothing says. */
    public String getEngineOrNull() {
        return engine;
    }

    public boolean isLocal() {
        return EngineKind.LOCAL.is(engine);
    }

    public String getRegion() {
        return region;
    }

    public String getQueue() {
        return queue;
    }

    public String getStore() {
        return store;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public String getRoleArn() {
        return roleArn;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getEndpointUrl() {
        return endpointUrl;
    }

    /** Fills every unset value of this from {@code defaults}. */
    public Settings orElse(Settings defaults) {
        if (defaults == null) {
            return this;
        }
        return new Settings(
                or(engine, defaults.engine),
                or(region, defaults.region),
                or(queue, defaults.queue),
                or(store, defaults.store),
                or(credentialsId, defaults.credentialsId),
                or(roleArn, defaults.roleArn),
                or(externalId, defaults.externalId),
                or(endpointUrl, defaults.endpointUrl));
    }

    /** This, with the region taken from the environment when unset (never a silent default region). */
    public Settings withRegionIfUnset(String envRegion) {
        if (region != null || blankToNull(envRegion) == null) {
            return this;
        }
        return new Settings(engine, envRegion, queue, store, credentialsId, roleArn, externalId, endpointUrl);
    }

    /** This, with the endpoint taken from the environment when unset ({@code AWS_ENDPOINT_URL} of withAWS). */
    public Settings withEndpointIfUnset(String envEndpoint) {
        if (endpointUrl != null || blankToNull(envEndpoint) == null) {
            return this;
        }
        return new Settings(engine, region, queue, store, credentialsId, roleArn, externalId, envEndpoint);
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }

    @Override
    public String toString() {
        // identifiers only: safe to print
        return "engine=" + getEngine() + (region != null ? ", region=" + region : "")
                + (queue != null ? ", queue=" + queue : "") + (store != null ? ", store=" + store : "")
                + (credentialsId != null ? ", credentialsId=" + credentialsId : "")
                + (roleArn != null ? ", roleArn=" + roleArn : "");
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Settings)) {
            return false;
        }
        Settings s = (Settings) o;
        return Objects.equals(engine, s.engine)
                && Objects.equals(region, s.region)
                && Objects.equals(queue, s.queue)
                && Objects.equals(store, s.store)
                && Objects.equals(credentialsId, s.credentialsId)
                && Objects.equals(roleArn, s.roleArn)
                && Objects.equals(externalId, s.externalId)
                && Objects.equals(endpointUrl, s.endpointUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(engine, region, queue, store, credentialsId, roleArn, externalId, endpointUrl);
    }
}
