package io.jenkins.plugins.awsbatch.exec;

/** Links to the AWS Batch console. */
public final class ConsoleLinks {
    private ConsoleLinks() {}

    /** The console page of a job, or null without a region or job id. */
    public static String job(String region, String jobId) {
        if (region == null || jobId == null) {
            return null;
        }
        return "https://" + region + ".console.aws.amazon.com/batch/home?region=" + region + "#jobs/detail/" + jobId;
    }
}
