package io.jenkins.plugins.awsbatch.engine.graph;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Binds {@code batchgraph.yaml} text, or the map arguments of a Jenkins step, to a {@link GraphSpec}. Binding
 * errors name the field's path; unknown fields are errors (a typo must not be silently ignored).
 */
public final class GraphBinder {

    /** A graph file is a page of YAML; anything near this size is a mistake (a data file given as the graph). */
    public static final int MAX_FILE_BYTES = 1024 * 1024;
    /** Deeper than any graph needs; bounds the parser's recursion. */
    public static final int MAX_NESTING = 32;

    private final ObjectMapper yaml = configure(new ObjectMapper(boundedYaml()));
    private final ObjectMapper json = configure(JsonMapper.builder().build());

    private static YAMLFactory boundedYaml() {
        LoaderOptions limits = new LoaderOptions();
        limits.setCodePointLimit(MAX_FILE_BYTES);
        limits.setNestingDepthLimit(MAX_NESTING);
        limits.setMaxAliasesForCollections(20);
        return YAMLFactory.builder()
                .loaderOptions(limits)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, false)
                .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
                .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
    }

    /**
     * Reads a graph file, applying {@code path=value} overrides (as {@code --set} gives them) first. The size is
     * checked before a byte is read.
     */
    public GraphSpec read(Path file, List<String> overrides) {
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new GraphValidationException(new GraphError(
                        file.toString(),
                        "the graph file is " + size + " bytes, more than " + MAX_FILE_BYTES,
                        "give the graph file (batchgraph.yaml), and keep " + "items in plan.items.file"));
            }
            text = Files.readString(file);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new GraphValidationException(
                    new GraphError(file.toString(), "the graph file is not UTF-8 text", "save it as UTF-8"));
        } catch (IOException e) {
            throw new GraphValidationException(new GraphError(
                    file.toString(),
                    "cannot read the graph file: " + e.getMessage(),
                    "check the path and permissions"));
        }
        return parse(text, overrides);
    }

    public GraphSpec parse(String yamlText, List<String> overrides) {
        JsonNode tree;
        try (JsonParser parser = yaml.createParser(yamlText)) {
            tree = yaml.readTree(parser);
            if (tree != null && parser.nextToken() != null) {
                // A second document ('---') would be ignored without a word.
                throw new GraphValidationException(new GraphError(
                        "line " + parser.currentLocation().getLineNr(),
                        "the file holds more than one YAML document",
                        "keep one graph per file (remove the '---' and what follows)"));
            }
        } catch (JsonProcessingException e) {
            throw notYaml(e);
        } catch (IOException e) {
            throw new GraphValidationException(
                    new GraphError("(file)", "cannot read the graph: " + e.getMessage(), "check the file"));
        }
        if (tree == null || !tree.isObject()) {
            throw new GraphValidationException(new GraphError(
                    "(file)",
                    "the graph file must be a YAML mapping",
                    "start with 'name: my-graph' and a 'stages:' list"));
        }
        for (String override : overrides == null ? List.<String>of() : overrides) {
            applyOverride((ObjectNode) tree, override);
        }
        return bind(tree);
    }

    /** A YAML error where it is: the line and column, or the limit it broke. */
    private static GraphValidationException notYaml(JsonProcessingException e) {
        String where = e.getLocation() == null
                ? "(file)"
                : "line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        String message = firstLine(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException || message.contains("nesting depth")) {
            return new GraphValidationException(new GraphError(
                    where,
                    "the file nests deeper than " + MAX_NESTING + " levels",
                    "flatten the lists and mappings; a graph needs a few levels"));
        }
        if (message.startsWith("Duplicate field")) {
            return new GraphValidationException(new GraphError(
                    where,
                    "the same key appears twice in one mapping: " + message.substring("Duplicate field ".length()),
                    "keep one of the two (a later one would silently win)"));
        }
        return new GraphValidationException(new GraphError(where, "not valid YAML: " + message, "fix the YAML syntax"));
    }

    /** Binds the map arguments of a Jenkins step (or any plain map/list tree). */
    public GraphSpec fromMap(Map<String, ?> arguments) {
        return bind(json.valueToTree(arguments));
    }

    /** Binds one stage from a plain map (Jenkins step arguments), with errors under {@code prefix}. */
    public StageSpec stageFromMap(Map<String, ?> arguments, String prefix) {
        return bind(json.valueToTree(arguments), StageSpec.class, prefix);
    }

    public GraphSpec bind(JsonNode tree) {
        return bind(tree, GraphSpec.class, "");
    }

    /** An empty list entry ({@code - } alone, or {@code [a, null]}) named by its path, not by what it breaks. */
    private static void requireNoEmptyEntries(JsonNode node, String path) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String at = path + "[" + i + "]";
                if (node.get(i).isNull()) {
                    throw new GraphValidationException(
                            new GraphError(at, "an empty entry in a list", "remove the empty entry or fill it in"));
                }
                requireNoEmptyEntries(node.get(i), at);
            }
        } else if (node.isObject()) {
            node.fields()
                    .forEachRemaining(field -> requireNoEmptyEntries(
                            field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey()));
        }
    }

    private <T> T bind(JsonNode tree, Class<T> type, String prefix) {
        requireNoEmptyEntries(tree, prefix);
        try {
            return json.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null
                    ? ""
                    : e.getKnownPropertyIds().stream()
                            .map(String::valueOf)
                            .sorted()
                            .collect(Collectors.joining(", "));
            throw new GraphValidationException(new GraphError(
                    path(prefix, e), "unknown field '" + e.getPropertyName() + "'", "use one of: " + known));
        } catch (ValueInstantiationException e) {
            // Our own creators (count) say what is wrong; a record refusing a null says nothing useful.
            String problem = e.getCause() instanceof IllegalArgumentException cause && cause.getMessage() != null
                    ? cause.getMessage()
                    : "an empty value in a list or mapping";
            throw new GraphValidationException(
                    new GraphError(path(prefix, e), problem, "check the field against the documented format"));
        } catch (MismatchedInputException e) {
            throw new GraphValidationException(new GraphError(
                    path(prefix, e),
                    "expected " + FieldTypes.expected(e.getTargetType()) + ", got "
                            + FieldTypes.describe(nodeAt(tree, e)),
                    "write " + FieldTypes.example(e.getTargetType())));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof InputCoercionException tooLarge) {
                throw new GraphValidationException(new GraphError(
                        path(prefix, e),
                        "the number " + nodeAt(tree, e) + " is too large for this field",
                        "use a whole number up to " + Integer.MAX_VALUE));
            }
            throw new GraphValidationException(new GraphError(
                    path(prefix, e),
                    FieldTypes.withoutJavaNames(firstLine(e.getOriginalMessage())),
                    "check the field's type against the documented format"));
        } catch (JsonProcessingException e) {
            // e.g. a number too large for its field; the parser does not know the field's path here.
            throw new GraphValidationException(new GraphError(
                    prefix.isEmpty() ? "(file)" : prefix,
                    FieldTypes.withoutJavaNames(firstLine(e.getOriginalMessage())),
                    "check the values' sizes and types"));
        }
    }

    /** The node a mapping error points at, to show the value the user wrote. */
    private static JsonNode nodeAt(JsonNode root, JsonMappingException e) {
        JsonNode node = root;
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (node == null) {
                return null;
            }
            node = ref.getIndex() >= 0
                    ? node.get(ref.getIndex())
                    : ref.getFieldName() != null ? node.get(ref.getFieldName()) : node;
        }
        return node;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    static String path(String prefix, JsonMappingException e) {
        StringBuilder out = new StringBuilder(prefix);
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            }
        }
        return out.length() == 0 ? "(file)" : out.toString();
    }

    /**
     * {@code stages.score.timeout=600} or {@code stages[0].timeout=600} or {@code queue=q2}. A stage may be
     * addressed by name. Values are parsed as YAML scalars (numbers stay numbers).
     */
    private void applyOverride(ObjectNode root, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new GraphValidationException(new GraphError(
                    "--set " + override, "expected path=value", "write e.g. --set stages.score.timeout=600"));
        }
        String path = override.substring(0, eq).trim();
        JsonNode value;
        try {
            value = yaml.readTree(override.substring(eq + 1));
        } catch (JsonProcessingException e) {
            value = JsonNodeFactory.instance.textNode(override.substring(eq + 1));
        }
        if (value == null || value.isMissingNode()) {
            value = JsonNodeFactory.instance.nullNode();
        }
        String[] parts = path.replaceAll("\\[(\\d+)]", ".$1").split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = child(node, parts[i], path);
        }
        String last = parts[parts.length - 1];
        if (node instanceof ObjectNode object) {
            object.set(last, value);
        } else if (node instanceof ArrayNode array && last.matches("\\d+") && Integer.parseInt(last) < array.size()) {
            array.set(Integer.parseInt(last), value);
        } else {
            throw new GraphValidationException(new GraphError(
                    "--set " + path, "cannot set '" + last + "' here", "point the path at a field of a mapping"));
        }
    }

    private static JsonNode child(JsonNode node, String part, String path) {
        if (node instanceof ArrayNode array) {
            if (part.matches("\\d+") && Integer.parseInt(part) < array.size()) {
                return array.get(Integer.parseInt(part));
            }
            for (JsonNode element : array) {
                if (part.equals(element.path("name").asText(null))) {
                    return element;
                }
            }
        } else if (node instanceof ObjectNode object) {
            JsonNode next = object.get(part);
            if (next == null || next.isNull()) {
                next = object.putObject(part);
            }
            return next;
        }
        throw new GraphValidationException(
                new GraphError("--set " + path, "no element '" + part + "'", "name an existing stage or index"));
    }
}
