package io.jenkins.plugins.awsbatch.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * DeleteObjects answers 200 with per-key errors, which the SDK does not retry (scripted client: moto never
 * answers them): transient ones are sent again, the others fail the cleanup naming the key.
 */
class S3DeleteErrorsTest {
    private static final String ROOT = "s3://b/runs/r1/";

    @Test
    void keysThatFailedTransientlyAreSentAgainUntilDeleted() {
        List<List<String>> deleteCalls = new ArrayList<>();
        List<Long> pauses = new ArrayList<>();
        S3Client s3 = scripted(deleteCalls, call -> switch (call) {
            case 0 ->
                List.of(error("runs/r1/items/1.json", "InternalError"), error("runs/r1/items/2.json", "SlowDown"));
            case 1 -> List.of(error("runs/r1/items/2.json", "SlowDown"));
            default -> List.of();
        });

        int deleted = new S3ObjectStore(s3, 1, pauses::add).deletePrefix(ROOT + "items/", ROOT);

        assertThat(deleted).isEqualTo(3);
        assertThat(deleteCalls)
                .containsExactly(
                        List.of("runs/r1/items/0.json", "runs/r1/items/1.json", "runs/r1/items/2.json"),
                        List.of("runs/r1/items/1.json", "runs/r1/items/2.json"),
                        List.of("runs/r1/items/2.json"));
        assertThat(pauses).hasSize(2);
        assertThat(pauses.get(1)).isGreaterThan(pauses.get(0));
    }

    @Test
    void otherErrorsFailAtOnceAndTransientOnesFailOnceTheAttemptsAreUsedUp() {
        List<List<String>> deleteCalls = new ArrayList<>();
        S3Client denied = scripted(
                deleteCalls,
                call -> List.of(
                        error("runs/r1/items/1.json", "SlowDown"), error("runs/r1/items/2.json", "AccessDenied")));
        assertThatThrownBy(() -> new S3ObjectStore(denied, 1, nanos -> {}).deletePrefix(ROOT + "items/", ROOT))
                .hasMessageContaining("items/2.json")
                .hasMessageContaining("AccessDenied");
        assertThat(deleteCalls).hasSize(1);

        deleteCalls.clear();
        S3Client slow = scripted(deleteCalls, call -> List.of(error("runs/r1/items/0.json", "SlowDown")));
        assertThatThrownBy(() -> new S3ObjectStore(slow, 1, nanos -> {}).deletePrefix(ROOT + "items/", ROOT))
                .hasMessageContaining("SlowDown");
        assertThat(deleteCalls).hasSize(S3ObjectStore.DELETE_ATTEMPTS);
    }

    private static S3Error error(String key, String code) {
        return S3Error.builder().key(key).code(code).message(code + " message").build();
    }

    /** Lists three items; the n-th DeleteObjects call answers {@code errors.apply(n)}. */
    private static S3Client scripted(List<List<String>> deleteCalls, Function<Integer, List<S3Error>> errors) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object arg = args == null ? null : args[0];
            if (arg instanceof ListObjectsV2Request) {
                return ListObjectsV2Response.builder()
                        .isTruncated(false)
                        .contents(
                                S3Object.builder().key("runs/r1/items/0.json").build(),
                                S3Object.builder().key("runs/r1/items/1.json").build(),
                                S3Object.builder().key("runs/r1/items/2.json").build())
                        .build();
            }
            if (arg instanceof DeleteObjectsRequest request) {
                deleteCalls.add(request.delete().objects().stream()
                        .map(ObjectIdentifier::key)
                        .toList());
                return DeleteObjectsResponse.builder()
                        .errors(errors.apply(deleteCalls.size() - 1))
                        .build();
            }
            if (method.isDefault()
                    && Arrays.stream(method.getParameterTypes())
                            .anyMatch(t -> t == java.util.function.Consumer.class)) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            throw new UnsupportedOperationException(method.getName());
        };
        return (S3Client)
                Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class}, handler);
    }
}
