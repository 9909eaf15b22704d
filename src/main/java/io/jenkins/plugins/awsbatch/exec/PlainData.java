package io.jenkins.plugins.awsbatch.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies step arguments (maps, lists, strings, numbers, booleans as CPS gives them, GStrings included) into
 * plain serialisable Java collections, so they can be persisted with the execution and handed to the engine.
 * Anything else is refused with the argument's path in the message.
 */
public final class PlainData {
    private PlainData() {}

    public static Object copy(Object value, String path) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer
                || value instanceof Long
                || value instanceof Double
                || value instanceof java.math.BigDecimal
                || value instanceof java.math.BigInteger) {
            return value;
        }
        if (value instanceof Number) {
            return ((Number) value).longValue();
        }
        if (value instanceof CharSequence) {
            return value.toString(); // GString
        }
        if (value instanceof Map) {
            LinkedHashMap<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                String key = String.valueOf(e.getKey());
                out.put(key, copy(e.getValue(), path.isEmpty() ? key : path + "." + key));
            }
            return out;
        }
        if (value instanceof Iterable) {
            ArrayList<Object> out = new ArrayList<>();
            int i = 0;
            for (Object o : (Iterable<?>) value) {
                out.add(copy(o, path + "[" + i++ + "]"));
            }
            return out;
        }
        if (value instanceof Object[]) {
            return copy(List.of((Object[]) value), path);
        }
        if (value instanceof Enum) {
            return ((Enum<?>) value).name();
        }
        throw new IllegalArgumentException((path.isEmpty() ? "argument" : path)
                + ": unsupported value of type " + value.getClass().getSimpleName()
                + "; use a map, a list, a string, a number or a boolean");
    }

    @SuppressWarnings("unchecked")
    public static LinkedHashMap<String, Object> copyMap(Object value, String path) {
        Object copy = copy(value, path);
        if (copy == null) {
            return new LinkedHashMap<>();
        }
        if (!(copy instanceof LinkedHashMap)) {
            throw new IllegalArgumentException(path + ": expected a map such as [name: 'x'], got " + describe(value));
        }
        return (LinkedHashMap<String, Object>) copy;
    }

    static String describe(Object value) {
        return value == null ? "nothing" : "a " + value.getClass().getSimpleName();
    }

    /** Checks a value is a plain, serialisable tree (what {@link #copy} produces). */
    public static boolean isPlain(Object value) {
        try {
            return copy(value, "") != null || value == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
