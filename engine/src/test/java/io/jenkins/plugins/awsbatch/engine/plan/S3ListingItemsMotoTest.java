package io.jenkins.plugins.awsbatch.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.MotoSupport;
import io.jenkins.plugins.awsbatch.engine.graph.ItemSourceSpec;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.store.S3ObjectStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** Items from an S3 listing, as people fill buckets: console folders (zero-byte "dir/" objects), odd key characters. */
class S3ListingItemsMotoTest {

    @Test
    void folderMarkersAreNotItemsAndKeysKeepTheirCharacters() {
        try (AwsClients aws = MotoSupport.clients(new CallCounter())) {
            String bucket = MotoSupport.unique("items");
            aws.s3().createBucket(r -> r.bucket(bucket));
            for (String key : List.of("input/", "input/a b+c.csv", "input/sub/", "input/sub/ü%20.csv")) {
                aws.s3()
                        .putObject(
                                r -> r.bucket(bucket).key(key),
                                RequestBody.fromBytes(key.endsWith("/") ? new byte[0] : new byte[] {'1'}));
            }
            S3ObjectStore store = aws.objectStore();

            List<Item> items = new ItemSource(Json.mapper(), uri -> store)
                    .read(new ItemSourceSpec(null, null, "s3://" + bucket + "/input/", null, null), null);

            assertThat(items).extracting(Item::key).containsExactly("input/a b+c.csv", "input/sub/ü%20.csv");
            assertThat(store.get(items.get(1).record().get("uri").asText())).isPresent();
        }
    }
}
