package io.jenkins.plugins.awsbatch.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each rule in one home (docs/architecture.md, "Where each rule lives"), checked over the main sources of every
 * module: no concept is written twice under the same name, and AWS Batch's limits are declared only in
 * {@code BatchLimits}.
 */
class RuleHomesTest {
    private static final Path ROOT = Path.of("..");
    private static final String BATCH_LIMITS = "BatchLimits.java";
    private static final Pattern CONSTANT = Pattern.compile("\\bstatic\\s+final\\s+\\w+\\s+([A-Z][A-Z0-9_]*)\\s*=");
    /** A limit: a constant BatchLimits publishes. */
    private static final Pattern PUBLIC_CONSTANT =
            Pattern.compile("\\bpublic\\s+static\\s+final\\s+\\w+\\s+([A-Z][A-Z0-9_]*)\\s*=");
    /** The character classes of Batch's name and evaluateOnExit patterns, as a Java string literal spells them. */
    private static final List<String> LIMIT_PATTERNS =
            List.of("[A-Za-z0-9][A-Za-z0-9_-]", "[0-9]+\\\\*?", "[A-Za-z0-9.: \\\\t]");

    @Test
    void noTwoMainTypesShareAName() throws IOException {
        Map<String, List<String>> byName = new TreeMap<>();
        for (Path file : mainSources()) {
            String name = file.getFileName().toString();
            if (!name.equals("package-info.java")) {
                byName.computeIfAbsent(name, n -> new ArrayList<>())
                        .add(ROOT.relativize(file).toString());
            }
        }
        byName.values().removeIf(files -> files.size() < 2);
        assertThat(byName).as("types written twice (one concept, one class)").isEmpty();
    }

    @Test
    void batchLimitsAreDeclaredOnlyInBatchLimits() throws IOException {
        List<Path> sources = mainSources();
        Path limits = sources.stream()
                .filter(f -> f.getFileName().toString().equals(BATCH_LIMITS))
                .findFirst()
                .orElseThrow();
        Set<String> limitNames = constants(PUBLIC_CONSTANT, Files.readString(limits));
        assertThat(limitNames).contains("MAX_ARRAY_SIZE", "MAX_DEPENDENCIES", "MAX_ATTEMPTS");

        List<String> violations = new ArrayList<>();
        for (Path file : sources) {
            if (file.equals(limits)) {
                continue;
            }
            String text = Files.readString(file);
            for (String redeclared : constants(CONSTANT, text)) {
                if (limitNames.contains(redeclared)) {
                    violations.add(ROOT.relativize(file) + ": declares " + redeclared);
                }
            }
            for (String pattern : LIMIT_PATTERNS) {
                if (text.contains(pattern)) {
                    violations.add(ROOT.relativize(file) + ": spells the pattern " + pattern);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /** Every module's hand-written main sources; the shim mirrors Jenkins' own names and is left out. */
    private static List<Path> mainSources() throws IOException {
        List<Path> roots = new ArrayList<>(List.of(ROOT.resolve("src/main/java")));
        try (Stream<Path> modules = Files.list(ROOT)) {
            modules.map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .filter(m -> !m.startsWith(ROOT.resolve("plugin-offline")))
                    .forEach(roots::add);
        }
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                files.addAll(walk.filter(f -> f.toString().endsWith(".java")).toList());
            }
        }
        assertThat(files).as("main sources under " + roots).hasSizeGreaterThan(100);
        return files;
    }

    private static Set<String> constants(Pattern declaration, String source) {
        Matcher m = declaration.matcher(source);
        Set<String> names = new LinkedHashSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
