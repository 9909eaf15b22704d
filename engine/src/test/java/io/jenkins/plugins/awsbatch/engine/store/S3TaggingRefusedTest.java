package io.jenkins.plugins.awsbatch.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Tagging transient objects at PutObject needs s3:PutObjectTagging besides s3:PutObject: a role that has only
 * the second must still be able to plan and run (untagged), as it could before housekeeping existed.
 */
class S3TaggingRefusedTest {
    private static final String ITEM = "s3://b/runs/r1/items/0.json";

    @Test
    void aRoleWithoutPutObjectTaggingWritesTransientObjectsUntaggedAndStopsAskingAfterTheFirstRefusal() {
        List<PutObjectRequest> puts = new ArrayList<>();
        S3ObjectStore store = new S3ObjectStore(s3(puts, put -> put.tagging() != null ? 403 : 200), 1);

        store.put(ITEM, "{}".getBytes(StandardCharsets.UTF_8));
        store.put("s3://b/runs/r1/items/1.json", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(puts)
                .extracting(PutObjectRequest::key, PutObjectRequest::tagging)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("runs/r1/items/0.json", TransientObjects.TAGGING),
                        org.assertj.core.groups.Tuple.tuple("runs/r1/items/0.json", null),
                        org.assertj.core.groups.Tuple.tuple("runs/r1/items/1.json", null));
    }

    @Test
    void aRefusedUntaggedWriteIsStillAnError() {
        List<PutObjectRequest> puts = new ArrayList<>();
        S3ObjectStore store = new S3ObjectStore(s3(puts, put -> 403), 1);

        assertThatThrownBy(() -> store.put("s3://b/runs/r1/state.json", new byte[0]))
                .isInstanceOf(S3Exception.class);
        assertThat(puts).hasSize(1);
    }

    @Test
    void transientObjectsAreTaggedWhereS3AllowsIt() {
        List<PutObjectRequest> puts = new ArrayList<>();
        new S3ObjectStore(s3(puts, put -> 200), 1).put(ITEM, new byte[0]);

        assertThat(puts).singleElement().extracting(PutObjectRequest::tagging).isEqualTo(TransientObjects.TAGGING);
    }

    /** A client whose PutObject answers {@code status.apply(request)} (403: AccessDenied). */
    private static S3Client s3(List<PutObjectRequest> puts, Function<PutObjectRequest, Integer> status) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object arg = args == null ? null : args[0];
            if (arg instanceof PutObjectRequest request && args.length == 2 && args[1] instanceof RequestBody) {
                puts.add(request);
                int code = status.apply(request);
                if (code != 200) {
                    throw S3Exception.builder()
                            .statusCode(code)
                            .message("Access Denied")
                            .build();
                }
                return PutObjectResponse.builder().eTag("\"e\"").build();
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
