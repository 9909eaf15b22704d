package io.jenkins.plugins.awsbatch.engine.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One unit of work: its position in the plan, the key reports name it by, and its record. The record is kept as
 * its compact JSON text, not as a tree: a plan holds every item until it is written (a 100,000-row sheet: about
 * 20 MB as text against 70 MB as trees), and the writers want the text anyway.
 */
public final class Item {
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private final long index;
    private final String key;
    private final byte[] json;

    public Item(long index, String key, JsonNode record) {
        this(index, key, compact(record));
    }

    /** {@code json}: the record as the plan's mapper writes it, compact (one line). */
    Item(long index, String key, byte[] json) {
        this.index = index;
        this.key = key;
        this.json = json;
    }

    private static byte[] compact(JsonNode record) {
        try {
            return COMPACT.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long index() {
        return index;
    }

    public String key() {
        return key;
    }

    /** The record, read again from its text (a new tree each call). */
    public JsonNode record() {
        try {
            return COMPACT.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // written by this class: cannot happen
        }
    }

    /** The record as compact JSON (UTF-8), as the packed layout stores it; not to be modified. */
    byte[] compactJson() {
        return json;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Item item
                && index == item.index
                && Objects.equals(key, item.key)
                && Arrays.equals(json, item.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, key, Arrays.hashCode(json));
    }

    @Override
    public String toString() {
        return "Item[index=" + index + ", key=" + key + ", record=" + new String(json, StandardCharsets.UTF_8) + "]";
    }
}
