package io.jenkins.plugins.awsbatch.engine.batch.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.BatchClientException;
import io.jenkins.plugins.awsbatch.engine.batch.JobPage;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.JobSummary;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import io.jenkins.plugins.awsbatch.engine.batch.TokenBucket;
import io.jenkins.plugins.awsbatch.engine.track.ChildLister;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.ArrayPropertiesSummary;
import software.amazon.awssdk.services.batch.model.CancelJobRequest;
import software.amazon.awssdk.services.batch.model.CancelJobResponse;
import software.amazon.awssdk.services.batch.model.ClientException;
import software.amazon.awssdk.services.batch.model.ListJobsResponse;
import software.amazon.awssdk.services.batch.model.TerminateJobRequest;
import software.amazon.awssdk.services.batch.model.TerminateJobResponse;

/** ListJobs paging and error mapping on a scripted client (moto does not page ListJobs). */
class BatchPagingTest {

    @Test
    void pagesChildrenByArrayJobIdAndStatus() {
        List<software.amazon.awssdk.services.batch.model.ListJobsRequest> seen = new ArrayList<>();
        BatchClient client = scripted((method, arg) -> {
            var req = (software.amazon.awssdk.services.batch.model.ListJobsRequest) arg;
            seen.add(req);
            int from = req.nextToken() == null ? 0 : Integer.parseInt(req.nextToken());
            List<software.amazon.awssdk.services.batch.model.JobSummary> page = new ArrayList<>();
            for (int i = from; i < Math.min(from + req.maxResults(), 250); i++) {
                page.add(software.amazon.awssdk.services.batch.model.JobSummary.builder()
                        .jobId("p:" + i)
                        .jobName("n")
                        .status("FAILED")
                        .createdAt(1L)
                        .arrayProperties(
                                ArrayPropertiesSummary.builder().index(i).build())
                        .build());
            }
            String next = from + req.maxResults() < 250 ? Integer.toString(from + req.maxResults()) : null;
            return ListJobsResponse.builder()
                    .jobSummaryList(page)
                    .nextToken(next)
                    .build();
        });
        AwsBatchService batch = new AwsBatchService(client, TokenBucket.unlimited());
        List<JobSummary> all = new ArrayList<>();
        ListJobsRequest request = new ListJobsRequest(null, "p", JobStatus.FAILED, null, 100, null);
        JobPage page;
        do {
            page = batch.listJobs(request);
            all.addAll(page.jobs());
            request = request.withNextToken(page.nextToken());
        } while (page.nextToken() != null);
        assertThat(all).hasSize(250);
        assertThat(all.get(249).arrayIndex()).isEqualTo(249);
        assertThat(all).allSatisfy(j -> assertThat(j.status()).isEqualTo(JobStatus.FAILED));
        assertThat(seen).hasSize(3).allSatisfy(r -> {
            assertThat(r.arrayJobId()).isEqualTo("p");
            assertThat(r.jobStatusAsString()).isEqualTo("FAILED");
            assertThat(r.jobQueue()).isNull();
        });
        assertThat(seen.get(2).nextToken()).isEqualTo("200");
    }

    @Test
    void childListerAsksForPagesOfAThousandSoTenThousandChildrenCostTenCalls() {
        List<software.amazon.awssdk.services.batch.model.ListJobsRequest> seen = new ArrayList<>();
        int children = 10_000;
        BatchClient client = scripted((method, arg) -> {
            var req = (software.amazon.awssdk.services.batch.model.ListJobsRequest) arg;
            seen.add(req);
            // AWS's default page is 100: a request without maxResults gets that
            int size = req.maxResults() == null ? 100 : req.maxResults();
            int from = req.nextToken() == null ? 0 : Integer.parseInt(req.nextToken());
            List<software.amazon.awssdk.services.batch.model.JobSummary> page = new ArrayList<>();
            for (int i = from; i < Math.min(from + size, children); i++) {
                page.add(software.amazon.awssdk.services.batch.model.JobSummary.builder()
                        .jobId("p:" + i)
                        .jobName("n")
                        .status("SUCCEEDED")
                        .createdAt(1L)
                        .startedAt(1_000L)
                        .stoppedAt(3_000L)
                        .arrayProperties(
                                ArrayPropertiesSummary.builder().index(i).build())
                        .build());
            }
            String next = from + size < children ? Integer.toString(from + size) : null;
            return ListJobsResponse.builder()
                    .jobSummaryList(page)
                    .nextToken(next)
                    .build();
        });
        AwsBatchService batch = new AwsBatchService(client, TokenBucket.unlimited());

        List<JobSummary> listed = new ChildLister(batch).children("p", JobStatus.SUCCEEDED);

        assertThat(listed).hasSize(children);
        assertThat(listed.get(children - 1).arrayIndex()).isEqualTo(children - 1);
        assertThat(seen).hasSize(10).allSatisfy(r -> {
            assertThat(r.maxResults()).isEqualTo(1000);
            assertThat(r.arrayJobId()).isEqualTo("p");
            assertThat(r.jobStatusAsString()).isEqualTo("SUCCEEDED");
        });
    }

    @Test
    void jobNameFilterGoesAsAwsFilterAndClientExceptionsKeepAwsWording() {
        List<Object> seen = new ArrayList<>();
        BatchClient client = scripted((method, arg) -> {
            seen.add(arg);
            throw (ClientException) ClientException.builder()
                    .statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("ClientException")
                            .errorMessage("Job queue nope does not exist")
                            .build())
                    .build();
        });
        AwsBatchService batch = new AwsBatchService(client, TokenBucket.unlimited());
        assertThatThrownBy(() -> batch.listJobs(new ListJobsRequest("nope", null, null, "run-*", null, null)))
                .isInstanceOf(BatchClientException.class)
                .hasMessage("Job queue nope does not exist");
        var sent = (software.amazon.awssdk.services.batch.model.ListJobsRequest) seen.get(0);
        assertThat(sent.filters()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("JOB_NAME");
            assertThat(f.values()).containsExactly("run-*");
        });
        assertThatThrownBy(() -> batch.listJobs(new ListJobsRequest(null, null, null, null, null, null)))
                .hasMessageContaining("exactly one of jobQueue or arrayJobId");
        assertThatThrownBy(() -> batch.listJobs(new ListJobsRequest("q", null, null, null, 1001, null)))
                .hasMessageContaining("1000");
    }

    @Test
    void definitionAndCreatedAtFiltersGoOneAtATimeAsAwsFiltersAndSummariesCarrySizeAndDefinition() {
        List<software.amazon.awssdk.services.batch.model.ListJobsRequest> seen = new ArrayList<>();
        BatchClient client = scripted((method, arg) -> {
            seen.add((software.amazon.awssdk.services.batch.model.ListJobsRequest) arg);
            return software.amazon.awssdk.services.batch.model.ListJobsResponse.builder()
                    .jobSummaryList(software.amazon.awssdk.services.batch.model.JobSummary.builder()
                            .jobId("p1")
                            .jobName("run-a-0")
                            .status("RUNNING")
                            .createdAt(5L)
                            .jobDefinition("arn:aws:batch:eu-west-1:1:job-definition/score:3")
                            .arrayProperties(a -> a.size(250))
                            .build())
                    .build();
        });
        AwsBatchService batch = new AwsBatchService(client, TokenBucket.unlimited());

        var page = batch.listJobs(
                new ListJobsRequest("q", null, null, null, null, null).withJobDefinitionFilter("score:3"));
        batch.listJobs(new ListJobsRequest("q", null, null, null, null, null).withCreatedBetween(1_000L, null));

        assertThat(seen.get(0).filters()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("JOB_DEFINITION");
            assertThat(f.values()).containsExactly("score:3");
        });
        assertThat(seen.get(1).filters()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("AFTER_CREATED_AT");
            assertThat(f.values()).containsExactly("1000");
        });
        assertThat(page.jobs()).singleElement().satisfies(j -> {
            assertThat(j.arraySize()).isEqualTo(250);
            assertThat(j.jobDefinition()).endsWith("score:3");
        });
        assertThatThrownBy(() -> batch.listJobs(
                        new ListJobsRequest("q", null, null, "run-*", null, null).withCreatedBetween(1L, 2L)))
                .isInstanceOf(BatchClientException.class)
                .hasMessageContaining("one filter at a time");
        assertThat(seen).hasSize(2);
    }

    @Test
    void terminateAndCancelReasonsStayWithinAwsLimit() {
        List<Object> seen = new ArrayList<>();
        BatchClient client = scripted((method, arg) -> {
            seen.add(arg);
            return method.equals("terminateJob")
                    ? TerminateJobResponse.builder().build()
                    : CancelJobResponse.builder().build();
        });
        AwsBatchService batch = new AwsBatchService(client, TokenBucket.unlimited());
        String longReason = "Aborted: " + "cause ".repeat(400);

        batch.terminateJob("j1", longReason);
        batch.cancelJob("j2", " ");

        assertThat(((TerminateJobRequest) seen.get(0)).reason())
                .hasSize(1024)
                .startsWith("Aborted: cause")
                .endsWith("...");
        assertThat(((CancelJobRequest) seen.get(1)).reason()).isEqualTo("Stopped by batchgraph");
    }

    interface Script {
        Object answer(String method, Object arg);
    }

    private static BatchClient scripted(Script script) {
        return (BatchClient) Proxy.newProxyInstance(
                BatchClient.class.getClassLoader(),
                new Class<?>[] {BatchClient.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> null;
                    case "serviceName" -> "batch";
                    case "toString" -> "scripted";
                    default -> script.answer(method.getName(), args == null ? null : args[0]);
                });
    }
}
