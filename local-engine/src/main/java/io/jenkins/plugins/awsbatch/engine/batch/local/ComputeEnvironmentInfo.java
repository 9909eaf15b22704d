package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.BatchClientException;
import java.util.Locale;
import java.util.Map;

/**
 * A compute environment as DescribeComputeEnvironments reports it (always ENABLED and VALID locally);
 * {@code type} is MANAGED or UNMANAGED, as given at creation (MANAGED when not given, and for snapshots written
 * before the type was kept); {@code tags} those given at creation and by TagResource.
 */
public record ComputeEnvironmentInfo(
        String name, String arn, String state, String status, String type, Map<String, String> tags) {
    public static final String MANAGED = "MANAGED";
    public static final String UNMANAGED = "UNMANAGED";

    public ComputeEnvironmentInfo {
        type = normalizeType(type);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** A MANAGED compute environment without tags. */
    public ComputeEnvironmentInfo(String name, String arn, String state, String status) {
        this(name, arn, state, status, MANAGED, null);
    }

    ComputeEnvironmentInfo withTags(Map<String, String> newTags) {
        return new ComputeEnvironmentInfo(name, arn, state, status, type, newTags);
    }

    /** MANAGED or UNMANAGED (any case); null means MANAGED. */
    static String normalizeType(String type) {
        if (type == null) {
            return MANAGED;
        }
        String upper = type.toUpperCase(Locale.ROOT);
        if (!upper.equals(MANAGED) && !upper.equals(UNMANAGED)) {
            throw new BatchClientException(
                    "Invalid value '" + type + "' for type: expected one of MANAGED, UNMANAGED.");
        }
        return upper;
    }
}
