package io.jenkins.plugins.awsbatch.engine.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.TokenBucket;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * GetLogEvents may answer a partial or empty page while more events remain; only a token that comes back
 * unchanged ends the stream. Scripted client: CloudWatch Logs emulators always fill their pages.
 */
class CloudWatchLogTailerPagingTest {

    @Test
    void tailPagesBackwardsPastAnEmptyLastPage() {
        // No token: the newest page, empty; b1: the two lines before; b2: the start (its token comes back).
        List<GetLogEventsRequest> seen = new ArrayList<>();
        CloudWatchLogsClient logs = scripted(
                seen,
                Map.of(
                        "", page(List.of(), "f0", "b1"),
                        "b1", page(List.of("line 1", "line 2\nline 3"), "f1", "b2"),
                        "b2", page(List.of(), "f2", "b2")));

        List<String> tail = new CloudWatchLogTailer(logs, TokenBucket.unlimited(), null).tail(job(), 5);

        assertThat(tail).containsExactly("line 1", "line 2", "line 3");
        assertThat(seen)
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.startFromHead()).isFalse());
        assertThat(seen.get(1).nextToken()).isEqualTo("b1");
    }

    @Test
    void tailStopsOnceItHasEnoughLines() {
        List<GetLogEventsRequest> seen = new ArrayList<>();
        CloudWatchLogsClient logs = scripted(
                seen,
                Map.of(
                        "", page(List.of("c"), "f0", "b1"),
                        "b1", page(List.of("a", "b"), "f1", "b2")));

        assertThat(new CloudWatchLogTailer(logs, TokenBucket.unlimited(), null).tail(job(), 2))
                .containsExactly("b", "c");
        assertThat(seen).hasSize(2);
    }

    @Test
    void allReadsPastAnEmptyFirstPageUntilTheForwardTokenRepeats() {
        List<GetLogEventsRequest> seen = new ArrayList<>();
        CloudWatchLogsClient logs = scripted(
                seen,
                Map.of(
                        "", page(List.of(), "f1", "b0"),
                        "f1", page(List.of("a", "b"), "f2", "b1"),
                        "f2", page(List.of(), "f3", "b2"),
                        "f3", page(List.of("c"), "f4", "b3"),
                        "f4", page(List.of(), "f4", "b4")));

        List<String> all = new CloudWatchLogTailer(logs, TokenBucket.unlimited(), null).all(job());

        assertThat(all).containsExactly("a", "b", "c");
        assertThat(seen)
                .hasSize(5)
                .allSatisfy(r -> assertThat(r.startFromHead()).isTrue());
    }

    private static GetLogEventsResponse page(List<String> messages, String forward, String backward) {
        return GetLogEventsResponse.builder()
                .events(messages.stream()
                        .map(m -> OutputLogEvent.builder()
                                .message(m)
                                .timestamp(1L)
                                .build())
                        .toList())
                .nextForwardToken(forward)
                .nextBackwardToken(backward)
                .build();
    }

    /** Pages by the request's token ("" for none); the SDK's default methods build the request as usual. */
    private static CloudWatchLogsClient scripted(
            List<GetLogEventsRequest> seen, Map<String, GetLogEventsResponse> pages) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("getLogEvents") && args[0] instanceof GetLogEventsRequest request) {
                seen.add(request);
                return pages.get(request.nextToken() == null ? "" : request.nextToken());
            }
            if (method.isDefault()
                    && Arrays.stream(method.getParameterTypes())
                            .anyMatch(t -> t == java.util.function.Consumer.class)) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            return switch (method.getName()) {
                case "close" -> null;
                case "serviceName" -> "logs";
                default -> throw new UnsupportedOperationException(method.getName());
            };
        };
        return (CloudWatchLogsClient) Proxy.newProxyInstance(
                CloudWatchLogsClient.class.getClassLoader(), new Class<?>[] {CloudWatchLogsClient.class}, handler);
    }

    private static JobDetail job() {
        return new JobDetail(
                "j:1",
                "run-score-0",
                "q",
                "score:1",
                JobStatus.FAILED,
                "Essential container in task exited",
                1L,
                2L,
                3L,
                null,
                1,
                null,
                1,
                "score/default/task",
                List.of(),
                null,
                false,
                false,
                null);
    }
}
