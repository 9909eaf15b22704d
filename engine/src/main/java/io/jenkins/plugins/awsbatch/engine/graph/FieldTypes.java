package io.jenkins.plugins.awsbatch.engine.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/** Field types and values in the words of the graph file (a whole number, a list), never Java class names. */
final class FieldTypes {
    private FieldTypes() {}

    static String expected(Class<?> type) {
        if (type == null) {
            return "the documented type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT);
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a mapping";
    }

    static String example(Class<?> type) {
        String expected = expected(type);
        return switch (expected) {
            case "a whole number" -> "a number such as 2";
            case "a number" -> "a number such as 2.5";
            case "true or false" -> "true or false";
            case "text" -> "text, quoted if it looks like something else";
            case "a list" -> "a list: [a, b] or one '- item' per line";
            case "a mapping" -> "a mapping: {field: value} or one 'field: value' per line";
            default -> expected;
        };
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        String text = node.asText();
        return "'" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "'";
    }

    /** Replaces {@code `java.lang.Integer`}-style names that a library message may carry. */
    static String withoutJavaNames(String message) {
        return message.replaceAll("`?java\\.lang\\.(Integer|Long|Short)`?", "whole number")
                .replaceAll("`?java\\.lang\\.(Double|Float)`?", "number")
                .replaceAll("`?java\\.lang\\.String`?", "text")
                .replaceAll("`?java\\.lang\\.Boolean`?", "true/false")
                .replaceAll("`?java\\.util\\.[A-Za-z]*(List|Set|Collection)(<[^>]*>)?`?", "list")
                .replaceAll("`?java\\.util\\.[A-Za-z]*Map(<[^>]*>)?`?", "mapping")
                .replaceAll("`?io\\.jenkins\\.[A-Za-z0-9_.$]+`?", "mapping");
    }
}
