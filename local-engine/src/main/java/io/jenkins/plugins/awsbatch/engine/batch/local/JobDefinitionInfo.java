package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.JobDefinition;

/** A registered revision as DescribeJobDefinitions reports it; {@code status} is ACTIVE or INACTIVE. */
public record JobDefinitionInfo(JobDefinition definition, String arn, String status) {
    public static final String ACTIVE = "ACTIVE";
    public static final String INACTIVE = "INACTIVE";

    public boolean isActive() {
        return ACTIVE.equals(status);
    }
}
