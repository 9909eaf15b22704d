package io.jenkins.plugins.awsbatch.engine.run.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code StageResult.status} is the {@link StageStatus} enum; {@code --json} and the return map still read its name. */
class StageResultJsonTest {
    private static final StageResult RANK = new StageResult(
            "rank",
            StageStatus.UNSTABLE,
            "1 item failed",
            List.of("job-1"),
            Map.of(JobStatus.SUCCEEDED, 2),
            List.of(),
            1,
            Map.of(),
            0,
            1.5);

    @Test
    void aStagesStatusIsWrittenAsTheSameTextAsBefore() throws Exception {
        String json = Json.mapper().writeValueAsString(RANK);

        assertThat(json)
                .isEqualTo("{\"name\":\"rank\",\"status\":\"UNSTABLE\",\"reason\":\"1 item failed\","
                        + "\"jobIds\":[\"job-1\"],\"counts\":{\"SUCCEEDED\":2},\"failedItems\":[],\"failedCount\":1,"
                        + "\"recoveredInRound\":{},\"rounds\":0,\"computeSeconds\":1.5}");
    }

    @Test
    void asPlainDataTheStatusIsAStringAndReadsBackAsTheEnum() throws Exception {
        Map<String, Object> plain =
                Json.mapper().convertValue(RANK, new TypeReference<LinkedHashMap<String, Object>>() {});

        assertThat(plain.get("status")).isEqualTo("UNSTABLE");
        assertThat(Json.mapper()
                        .readValue(Json.mapper().writeValueAsString(RANK), StageResult.class)
                        .status())
                .isEqualTo(StageStatus.UNSTABLE);
    }
}
