package io.jenkins.plugins.awsbatch.engine.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A JSON Schema (draft-07, what editors' YAML support reads) of {@code batchgraph.yaml}, generated from the
 * records the file binds to, so it cannot drift from them: every record a closed object (unknown fields are
 * errors, as when binding), enums in either case, string maps that take scalars. The two fields that take
 * more than one shape ({@code count}, a {@code dependsOn} entry) are spelled out here.
 */
public final class GraphSchema {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ObjectNode definitions = NODES.objectNode();

    private GraphSchema() {}

    public static ObjectNode generate() {
        GraphSchema generator = new GraphSchema();
        ObjectNode root = NODES.objectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("title", "batchgraph.yaml");
        root.put(
                "description",
                "A fan-out/fan-in job graph for AWS Batch or the embedded local engine (docs/graph-file.md).");
        ObjectNode graph = generator.recordSchema(GraphSpec.class);
        root.setAll(graph);
        root.putArray("required").add("name").add("stages");
        generator.definition(StageSpec.class).putArray("required").add("name");
        root.set("definitions", generator.definitions);
        return root;
    }

    private ObjectNode recordSchema(Class<?> record) {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (RecordComponent component : record.getRecordComponents()) {
            JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
            String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
            properties.set(name, schemaOf(component.getGenericType()));
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private ObjectNode definition(Class<?> type) {
        return (ObjectNode) definitions.get(type.getSimpleName());
    }

    private ObjectNode schemaOf(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                ObjectNode array = NODES.objectNode().put("type", "array");
                if (arguments[0] != Object.class) {
                    array.set("items", schemaOf(arguments[0]));
                }
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = NODES.objectNode().put("type", "object");
                map.set("additionalProperties", schemaOf(arguments[1]));
                return map;
            }
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            // YAML writes 600 or true where a string is meant (environment values, exit codes): both bind.
            return scalar();
        }
        if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
            return NODES.objectNode().put("type", "integer");
        }
        if (c == Double.class || c == double.class) {
            return NODES.objectNode().put("type", "number");
        }
        if (c == Boolean.class || c == boolean.class) {
            return NODES.objectNode().put("type", "boolean");
        }
        if (c.isEnum()) {
            ObjectNode schema = NODES.objectNode().put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT));
            }
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return schema;
        }
        if (!definitions.has(c.getSimpleName())) {
            definitions.putObject(c.getSimpleName()); // placeholder first: records may refer to themselves
            definitions.set(c.getSimpleName(), special(c) != null ? special(c) : recordSchema(c));
        }
        return NODES.objectNode().put("$ref", "#/definitions/" + c.getSimpleName());
    }

    private static ObjectNode scalar() {
        ObjectNode schema = NODES.objectNode();
        schema.putArray("type").add("string").add("number").add("boolean");
        return schema;
    }

    /** The shapes a custom binding accepts, which the record's components alone do not tell. */
    private ObjectNode special(Class<?> c) {
        if (c == CountSpec.class) {
            ObjectNode schema = NODES.objectNode();
            schema.put(
                    "description",
                    "jobs of an aggregate stage: a number, an expression of the item count like"
                            + " 'ceil(items / 1000)', or {partitionsFrom: STAGE}");
            ArrayNode any = schema.putArray("anyOf");
            any.addObject().put("type", "integer").put("minimum", 1);
            any.addObject().put("type", "string");
            ObjectNode object = any.addObject().put("type", "object").put("additionalProperties", false);
            ObjectNode properties = object.putObject("properties");
            properties.putObject("fixed").put("type", "integer").put("minimum", 1);
            properties.putObject("expression").put("type", "string");
            properties.putObject("partitionsFrom").put("type", "string");
            return schema;
        }
        if (c == StageDependency.class) {
            ObjectNode schema = NODES.objectNode();
            schema.put(
                    "description",
                    "a stage name (after the whole stage) or {stage, type: N_TO_N} (child i after child i)");
            ArrayNode any = schema.putArray("anyOf");
            any.addObject().put("type", "string");
            ObjectNode object = recordSchema(StageDependency.class);
            object.putArray("required").add("stage");
            any.add(object);
            return schema;
        }
        return null;
    }
}
