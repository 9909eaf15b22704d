package io.jenkins.plugins.awsbatch.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.config.AwsBatchGraphConfiguration;
import io.jenkins.plugins.awsbatch.steps.AwsBatchAggregateStep;
import io.jenkins.plugins.awsbatch.steps.AwsBatchCleanupStep;
import io.jenkins.plugins.awsbatch.steps.AwsBatchFanOutStep;
import io.jenkins.plugins.awsbatch.steps.AwsBatchPlanStep;
import io.jenkins.plugins.awsbatch.steps.AwsBatchRunStep;
import io.jenkins.plugins.awsbatch.trigger.AwsBatchS3Trigger;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.interceptor.RequirePOST;
import org.kohsuke.stapler.verb.POST;

/**
 * Every form validation and every credentials listing of the plugin's descriptors is POST only (and its
 * config.jelly asks for POST), and a validation of a job's form takes the job to check its permission.
 */
class FormMethodsTest {
    private static final Path RESOURCES = Path.of("..", "src", "main", "resources");

    /** Descriptor class and the class whose config.jelly uses it. */
    private static final Class<?>[][] DESCRIPTORS = {
        {AwsBatchGraphConfiguration.class, AwsBatchGraphConfiguration.class},
        {AwsBatchPlanStep.DescriptorImpl.class, AwsBatchPlanStep.class},
        {AwsBatchFanOutStep.DescriptorImpl.class, AwsBatchFanOutStep.class},
        {AwsBatchAggregateStep.DescriptorImpl.class, AwsBatchAggregateStep.class},
        {AwsBatchCleanupStep.DescriptorImpl.class, AwsBatchCleanupStep.class},
        {AwsBatchRunStep.DescriptorImpl.class, AwsBatchRunStep.class},
        {AwsBatchS3Trigger.DescriptorImpl.class, AwsBatchS3Trigger.class},
    };

    @Test
    void validationsAndCredentialListingsArePostOnly() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Class<?>[] pair : DESCRIPTORS) {
            String jelly = Files.readString(
                    RESOURCES.resolve(pair[1].getName().replace('.', '/')).resolve("config.jelly"));
            for (Method m : pair[0].getMethods()) {
                String name = m.getName();
                boolean check = name.startsWith("doCheck") || name.startsWith("doValidate");
                boolean credentials = name.startsWith("doFill") && name.contains("Credentials");
                if (!check && !credentials) {
                    continue;
                }
                String where = pair[0].getName() + "." + name;
                checked.add(where);
                assertThat(m.isAnnotationPresent(POST.class) || m.isAnnotationPresent(RequirePOST.class))
                        .as(where + " is @POST")
                        .isTrue();
                if (check && !name.startsWith("doValidate")) {
                    String field = name.substring("doCheck".length(), "doCheck".length() + 1)
                                    .toLowerCase(Locale.ROOT)
                            + name.substring("doCheck".length() + 1);
                    assertThat(jelly)
                            .as(pair[1].getSimpleName() + "/config.jelly checks " + field + " with POST")
                            .containsPattern(
                                    Pattern.compile("field=\"" + field + "\"[^>]*>\\s*<[^>]*checkMethod=\"post\""));
                }
                if (check && pair[0] != AwsBatchGraphConfiguration.class) {
                    assertThat(List.of(m.getParameters()))
                            .as(where + " takes the item (@AncestorInPath) for its permission check")
                            .anyMatch(p -> p.isAnnotationPresent(AncestorInPath.class));
                }
            }
        }
        assertThat(checked)
                .anyMatch(m -> m.endsWith("AwsBatchS3Trigger$DescriptorImpl.doCheckQueueUrl"))
                .anyMatch(m -> m.endsWith("AwsBatchS3Trigger$DescriptorImpl.doFillCredentialsIdItems"));
    }
}
