package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed reads of an AWS request body with the field's path in every error: a wrong type or a missing required
 * field is a 400 {@code ClientException}, never a server error. Absent and JSON {@code null} are the same.
 */
final class Fields {
    private Fields() {}

    static boolean present(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node != null && !node.isNull();
    }

    static String string(JsonNode parent, String path, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(path, field, "a string");
        }
        return node.textValue();
    }

    static String requiredString(JsonNode parent, String path, String field) {
        String value = string(parent, path, field);
        if (value == null || value.isEmpty()) {
            throw ApiException.client(qualified(path, field) + " is required.");
        }
        return value;
    }

    static Integer integer(JsonNode parent, String path, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw wrongType(path, field, "an integer");
        }
        return node.intValue();
    }

    static Long longValue(JsonNode parent, String path, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw wrongType(path, field, "an integer");
        }
        return node.longValue();
    }

    static boolean bool(JsonNode parent, String path, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw wrongType(path, field, "a boolean");
        }
        return node.booleanValue();
    }

    /** A nested structure, or null when absent. */
    static JsonNode object(JsonNode parent, String path, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw wrongType(path, field, "an object");
        }
        return node;
    }

    /** The elements of a list, each checked to be an object; empty when absent. */
    static List<JsonNode> objects(JsonNode parent, String path, String field) {
        JsonNode node = array(parent, path, field);
        List<JsonNode> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isObject()) {
                throw ApiException.client(
                        "Invalid value for " + qualified(path, field) + "[" + i + "]: expected an object.");
            }
            out.add(node.get(i));
        }
        return out;
    }

    /** A list of strings, or null when absent. */
    static List<String> strings(JsonNode parent, String path, String field) {
        JsonNode node = array(parent, path, field);
        if (node == null) {
            return null;
        }
        List<String> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw ApiException.client(
                        "Invalid value for " + qualified(path, field) + "[" + i + "]: expected a string.");
            }
            out.add(node.get(i).textValue());
        }
        return out;
    }

    /** A map of strings to strings, or null when absent. */
    static Map<String, String> stringMap(JsonNode parent, String path, String field) {
        JsonNode node = object(parent, path, field);
        if (node == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        var it = node.fields();
        while (it.hasNext()) {
            var entry = it.next();
            if (!entry.getValue().isTextual()) {
                throw ApiException.client(
                        "Invalid value for " + qualified(path, field) + "." + entry.getKey() + ": expected a string.");
            }
            out.put(entry.getKey(), entry.getValue().textValue());
        }
        return out;
    }

    /** AWS's {@code [{"name": ..., "value": ...}]} list as an ordered map; a missing value is the empty string. */
    static Map<String, String> keyValuePairs(JsonNode parent, String path, String field) {
        if (!present(parent, field)) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        String listPath = qualified(path, field);
        List<JsonNode> pairs = objects(parent, path, field);
        for (int i = 0; i < pairs.size(); i++) {
            String itemPath = listPath + "[" + i + "]";
            String name = requiredString(pairs.get(i), itemPath, "name");
            String value = string(pairs.get(i), itemPath, "value");
            out.put(name, value == null ? "" : value);
        }
        return out;
    }

    /** An enum value given as a string, matched case-insensitively against {@code allowed}. */
    static <E extends Enum<E>> E enumValue(JsonNode parent, String path, String field, Class<E> type) {
        String value = string(parent, path, field);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            throw ApiException.client("Invalid value '" + value + "' for " + qualified(path, field)
                    + ": expected one of " + String.join(", ", names) + ".");
        }
    }

    static String qualified(String path, String field) {
        return path == null || path.isEmpty() ? field : path + "." + field;
    }

    private static JsonNode array(JsonNode parent, String path, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw wrongType(path, field, "a list");
        }
        return node;
    }

    private static ApiException wrongType(String path, String field, String expected) {
        return ApiException.client("Invalid value for " + qualified(path, field) + ": expected " + expected + ".");
    }
}
