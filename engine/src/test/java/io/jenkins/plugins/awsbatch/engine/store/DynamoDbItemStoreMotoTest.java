package io.jenkins.plugins.awsbatch.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.MotoSupport;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The DynamoDB item store against moto: 25 items a BatchWriteItem, read back in order, cleanup by run id. */
class DynamoDbItemStoreMotoTest {

    @Test
    void recordsRoundTripAndCleanupByRunId() {
        CallCounter calls = new CallCounter();
        try (AwsClients aws = MotoSupport.clients(calls)) {
            DynamoDbItemStore store = aws.itemStore(MotoSupport.unique("batchgraph-items"));
            store.createTableIfMissing();
            store.createTableIfMissing();

            List<String> records =
                    IntStream.range(0, 60).mapToObj(i -> "{\"item\":" + i + "}").toList();
            store.putAll("run-a", 0, records);
            store.putAll("run-b", 0, List.of("{\"other\":true}"));
            assertThat(calls.get("BatchWriteItem")).isEqualTo(4); // 25 + 25 + 10, then run-b's one

            assertThat(store.get("run-a", 42)).contains("{\"item\":42}");
            assertThat(store.get("run-a", 60)).isEmpty();
            assertThat(store.readAll("run-a")).isEqualTo(records); // numeric sort key: 0..59 in order

            assertThat(store.deleteRun("run-a")).isEqualTo(60);
            assertThat(store.readAll("run-a")).isEmpty();
            assertThat(store.readAll("run-b")).containsExactly("{\"other\":true}");
            assertThat(calls.get("BatchWriteItem")).isEqualTo(7);
        }
    }
}
