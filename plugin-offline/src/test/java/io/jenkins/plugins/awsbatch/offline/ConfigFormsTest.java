package io.jenkins.plugins.awsbatch.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.config.AwsBatchGraphConfiguration;
import io.jenkins.plugins.awsbatch.steps.AwsBatchAggregateStep;
import io.jenkins.plugins.awsbatch.steps.AwsBatchCleanupStep;
import io.jenkins.plugins.awsbatch.steps.AwsBatchFanOutStep;
import io.jenkins.plugins.awsbatch.steps.AwsBatchPlanStep;
import io.jenkins.plugins.awsbatch.steps.AwsBatchRunStep;
import io.jenkins.plugins.awsbatch.trigger.AwsBatchS3Trigger;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Each data-bound field of a step, the trigger and the global configuration has its form entry and its help. */
class ConfigFormsTest {
    private static final Path RESOURCES = Path.of("..", "src", "main", "resources");

    @Test
    void everyFieldHasAFormEntryAndAHelpFile() throws Exception {
        for (Class<?> c : new Class<?>[] {
            AwsBatchPlanStep.class,
            AwsBatchFanOutStep.class,
            AwsBatchAggregateStep.class,
            AwsBatchCleanupStep.class,
            AwsBatchRunStep.class,
            AwsBatchS3Trigger.class,
            AwsBatchGraphConfiguration.class
        }) {
            Path dir = RESOURCES.resolve(c.getName().replace('.', '/'));
            String jelly = Files.readString(dir.resolve("config.jelly"));
            Set<String> fields = fields(c);
            assertThat(fields).as(c.getSimpleName() + " fields").isNotEmpty();
            for (String field : fields) {
                assertThat(jelly)
                        .as(c.getSimpleName() + "/config.jelly has an entry for " + field)
                        .contains("field=\"" + field + "\"");
                assertThat(helpFile(c, field))
                        .as(c.getSimpleName() + " help for " + field + " (in its folder or an ancestor's)")
                        .isPresent();
            }
        }
    }

    /**
     * Help shared by several steps lives once, in the folder of their common ancestor (the global configuration is
     * another class hierarchy and keeps its own).
     */
    @Test
    void noHelpFileIsCopiedIntoSeveralFolders() throws Exception {
        Map<String, List<Path>> byContent = new HashMap<>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("io/jenkins/plugins/awsbatch/steps"))) {
            for (Path help : files.filter(p -> p.getFileName().toString().startsWith("help-"))
                    .toList()) {
                String key = help.getFileName() + "\n" + Files.readString(help);
                byContent.computeIfAbsent(key, k -> new ArrayList<>()).add(help);
            }
        }
        assertThat(byContent.values()).allSatisfy(copies -> assertThat(copies).hasSize(1));
    }

    /** Where Jenkins finds a field's help: Descriptor.getHelpFile walks the describable's class ancestors. */
    private static Optional<Path> helpFile(Class<?> describable, String field) {
        for (Class<?> c = describable; c != null; c = c.getSuperclass()) {
            Path help = RESOURCES.resolve(c.getName().replace('.', '/')).resolve("help-" + field + ".html");
            if (Files.exists(help)) {
                return Optional.of(help);
            }
        }
        return Optional.empty();
    }

    private static Set<String> fields(Class<?> c) {
        Set<String> fields = new LinkedHashSet<>();
        for (Constructor<?> k : c.getConstructors()) {
            if (k.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter p : k.getParameters()) {
                    fields.add(p.getName());
                }
            }
        }
        for (Method m : c.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class) && m.getName().startsWith("set")) {
                String name = m.getName().substring(3);
                fields.add(name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1));
            }
        }
        return fields;
    }
}
