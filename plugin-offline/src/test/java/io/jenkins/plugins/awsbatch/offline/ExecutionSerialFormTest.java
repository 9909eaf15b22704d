package io.jenkins.plugins.awsbatch.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.exec.GraphStepExecution;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamField;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A running step's execution is saved in the Pipeline program: a Jenkins upgraded mid-run reads the old form back,
 * so its serialised fields (names and types) and serialVersionUID do not change when the class is reorganised.
 */
class ExecutionSerialFormTest {

    @Test
    void theSavedFieldsOfAStepExecutionStayTheSame() {
        ObjectStreamClass form = ObjectStreamClass.lookup(GraphStepExecution.class);

        assertThat(form.getSerialVersionUID()).isEqualTo(1L);
        assertThat(Arrays.stream(form.getFields()).map(ExecutionSerialFormTest::describe))
                .containsExactlyInAnyOrder(
                        "request: io.jenkins.plugins.awsbatch.exec.GraphRequest",
                        "factory: io.jenkins.plugins.awsbatch.exec.DriverFactory",
                        "journal: io.jenkins.plugins.awsbatch.exec.Journal",
                        "phase: io.jenkins.plugins.awsbatch.exec.GraphStepExecution$Phase",
                        "delayMillis: long",
                        "nextPollAtMillis: long",
                        "lastStatus: java.lang.String",
                        "announced: int",
                        "pollErrors: int",
                        "savedValue: java.lang.Object",
                        "savedFailure: java.lang.Throwable",
                        "outcomeSaved: boolean");
    }

    private static String describe(ObjectStreamField f) {
        return f.getName() + ": " + f.getType().getName();
    }
}
