package io.jenkins.plugins.awsbatch.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Map;

/**
 * Structured step arguments ({@code items}, {@code plan}, {@code stages}, {@code after}, {@code notify},
 * {@code environment}) given as text. A Pipeline passes them as Groovy maps and lists, but the Snippet Generator's
 * form can only send a string: that string is read as YAML (JSON is YAML too) and, when it holds a map or a list,
 * the step keeps that instead, so the generated snippet shows a Groovy literal. Other text is left as it is (the
 * step then names the field and the form it expects); blank text means "not set".
 */
public final class FormText {
    /** Form text is small; a bigger value is not form text and is left for the step's own checks. */
    static final int MAX_CHARS = 256 * 1024;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private FormText() {}

    /** The map or list {@code value}'s text holds (as read, the caller copies it), else {@code value} itself. */
    public static Object structured(Object value) {
        if (!(value instanceof CharSequence)) {
            return value;
        }
        String text = value.toString();
        if (text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_CHARS) {
            return text;
        }
        Object parsed;
        try {
            parsed = YAML.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            return text; // not YAML: the step's own check names the field
        }
        return parsed instanceof Map || parsed instanceof List ? parsed : text;
    }
}
