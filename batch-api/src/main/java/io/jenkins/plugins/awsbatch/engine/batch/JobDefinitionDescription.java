package io.jenkins.plugins.awsbatch.engine.batch;

/**
 * One revision of a job definition as DescribeJobDefinitions reports it, reduced to what decides whether the
 * engine can submit it: status (ACTIVE | INACTIVE) and which kind of job it describes.
 */
public record JobDefinitionDescription(String name, int revision, String arn, String status, Kind kind) {

    /** The engine sends {@code containerOverrides}, which only container definitions take. */
    public enum Kind {
        CONTAINER("container"),
        ECS("ECS (ecsProperties)"),
        EKS("EKS (eksProperties)"),
        MULTI_NODE("multi-node (nodeProperties)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String nameWithRevision() {
        return name + ":" + revision;
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
