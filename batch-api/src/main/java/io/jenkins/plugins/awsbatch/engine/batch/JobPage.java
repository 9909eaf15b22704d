package io.jenkins.plugins.awsbatch.engine.batch;

import java.util.List;

public record JobPage(List<JobSummary> jobs, String nextToken) {
    public JobPage {
        jobs = List.copyOf(jobs);
    }
}
