package io.jenkins.plugins.awsbatch.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Snippet Generator's form sends structured arguments as text: YAML (or JSON) text holding a map or a list
 * becomes that map or list, as plain CPS-serialisable collections; Groovy values from a Pipeline are untouched.
 */
class FormTextTest {

    @Test
    void fanOutTakesPlanAndStagesWrittenAsYaml() {
        AwsBatchFanOutStep step = new AwsBatchFanOutStep(
                "runId: r-1\nstore: file:///tmp/runs",
                "- name: score\n  jobDefinition: score:1\n- name: rank\n  jobDefinition: rank:1\n");

        assertThat(step.getPlan())
                .isInstanceOf(LinkedHashMap.class)
                .isEqualTo(Map.of("runId", "r-1", "store", "file:///tmp/runs"));
        assertThat(step.getStages()).isInstanceOf(ArrayList.class);
        assertThat(step.getStages())
                .isEqualTo(List.of(
                        Map.of("name", "score", "jobDefinition", "score:1"),
                        Map.of("name", "rank", "jobDefinition", "rank:1")));
    }

    @Test
    void jsonIsAcceptedAndNotifyIsCheckedAfterReading() {
        AwsBatchPlanStep plan = new AwsBatchPlanStep("{\"file\": \"items.csv\", \"key\": \"id\"}");
        assertThat(plan.getItems()).isEqualTo(Map.of("file", "items.csv", "key", "id"));

        AwsBatchFanOutStep fanOut = new AwsBatchFanOutStep(Map.of("runId", "r-1"), List.of(Map.of("name", "s")));
        fanOut.setNotify("onFailure:\n  email: ops@example.com\n");
        assertThat(fanOut.getNotify()).isEqualTo(Map.of("onFailure", Map.of("email", "ops@example.com")));

        assertThatThrownBy(() -> fanOut.setNotify("onFailure:\n  pager: ops\n"))
                .hasMessageContaining("pager")
                .hasMessageContaining("slack, email or sns");
    }

    @Test
    void blankFormTextMeansNotSet() {
        AwsBatchAggregateStep aggregate = new AwsBatchAggregateStep(Map.of("runId", "r-1"), "merge:1");
        aggregate.setEnvironment("   ");
        AwsBatchFanOutStep fanOut = new AwsBatchFanOutStep(Map.of("runId", "r-1"), List.of(Map.of("name", "s")));
        fanOut.setNotify("");

        assertThat(aggregate.getEnvironment()).isNull();
        assertThat(fanOut.getNotify()).isNull();
    }

    @Test
    void pipelineValuesAndTextThatIsNoMapOrListAreKeptAsTheyAre() {
        List<String> items = List.of("a", "b");
        assertThat(new AwsBatchPlanStep(items).getItems()).isEqualTo(items);
        assertThat(new AwsBatchPlanStep("items.csv").getItems()).isEqualTo("items.csv");
        assertThat(new AwsBatchPlanStep("[not: closed").getItems()).isEqualTo("[not: closed");
    }
}
