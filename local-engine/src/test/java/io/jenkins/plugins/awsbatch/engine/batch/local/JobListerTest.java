package io.jenkins.plugins.awsbatch.engine.batch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.BatchClientException;
import io.jenkins.plugins.awsbatch.engine.batch.JobPage;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.JobSummary;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** ListJobs paging on the local engine: each page resumes where the last one stopped instead of rescanning. */
class JobListerTest {
    private static final int CHILDREN = 10_000;

    /** An array parent of 10,000 children, every third one FAILED and the rest SUCCEEDED. */
    private static JobTable tableWithOneArray() {
        JobTable table = new JobTable();
        JobSpec spec = new JobSpec(
                "arr",
                "default",
                "ce",
                "arn:aws:batch:local:0:job-definition/t:1",
                CHILDREN,
                null,
                List.of("true"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false);
        LocalJob parent = new LocalJob("p", spec, 1L, null);
        parent.children = new LocalJob[CHILDREN];
        table.add(parent);
        for (int i = 0; i < CHILDREN; i++) {
            LocalJob child = LocalJob.childOf(parent, i);
            child.status = i % 3 == 0 ? JobStatus.FAILED : JobStatus.SUCCEEDED;
            parent.children[i] = child;
            table.add(child);
        }
        return table;
    }

    private static List<Integer> failedIndexes() {
        return IntStream.range(0, CHILDREN).filter(i -> i % 3 == 0).boxed().toList();
    }

    @Test
    void pagingTheFailedChildrenOfTenThousandTestsEachChildAboutOnce() {
        JobTable table = tableWithOneArray();
        List<LocalJob> candidates = Arrays.asList(table.get("p").children);
        AtomicInteger tested = new AtomicInteger();
        Predicate<LocalJob> failed = job -> {
            tested.incrementAndGet();
            return job.status == JobStatus.FAILED;
        };
        List<Integer> listed = new ArrayList<>();
        int pages = 0;
        int cursor = 0;
        while (true) {
            JobPage page = JobLister.page(candidates, failed, 100, cursor);
            pages++;
            page.jobs().forEach(j -> listed.add(j.arrayIndex()));
            if (page.nextToken() == null) {
                break;
            }
            // the token is opaque to callers; here it is read back the way list() reads it
            cursor = Integer.parseInt(new String(
                            java.util.Base64.getUrlDecoder().decode(page.nextToken()),
                            java.nio.charset.StandardCharsets.UTF_8)
                    .substring("cursor:".length()));
        }

        assertThat(listed).containsExactlyElementsOf(failedIndexes());
        assertThat(pages).isEqualTo(34); // 3,334 failed children, 100 a page
        // one test per child, plus the first match of each next page tested again; rescanning from the start
        // on every page would cost about 34 x 5,000
        assertThat(tested.get()).isLessThanOrEqualTo(CHILDREN + pages);
    }

    @Test
    void listFollowsItsTokensThroughEveryPageAndEndsWithoutOne() {
        JobTable table = tableWithOneArray();
        List<Integer> failed = new ArrayList<>();
        int calls = 0;
        ListJobsRequest request = ListJobsRequest.children("p", JobStatus.FAILED);
        while (true) {
            JobPage page = JobLister.list(table, request, null);
            calls++;
            page.jobs().forEach(j -> failed.add(j.arrayIndex()));
            if (page.nextToken() == null) {
                break;
            }
            request = request.withNextToken(page.nextToken());
        }
        assertThat(failed).containsExactlyElementsOf(failedIndexes());
        assertThat(calls).isEqualTo(4); // 3,334 in pages of 1,000

        // a page that ends exactly at the last match has no next token
        JobPage exact = JobLister.page(
                Arrays.asList(table.get("p").children),
                j -> j.status == JobStatus.FAILED,
                failedIndexes().size(),
                0);
        assertThat(exact.jobs())
                .hasSize(failedIndexes().size())
                .extracting(JobSummary::status)
                .containsOnly(JobStatus.FAILED);
        assertThat(exact.nextToken()).isNull();
    }

    @Test
    void aTokenThatIsNotOursIsRefused() {
        JobTable table = tableWithOneArray();
        String foreign = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("offset:5".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> JobLister.list(
                        table, ListJobsRequest.children("p", JobStatus.FAILED).withNextToken(foreign), null))
                .isInstanceOf(BatchClientException.class)
                .hasMessageContaining("nextToken");
    }
}
