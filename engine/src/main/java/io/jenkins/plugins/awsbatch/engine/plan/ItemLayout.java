package io.jenkins.plugins.awsbatch.engine.plan;

import java.util.Arrays;

/**
 * How a plan's item records are stored ({@code plan.itemLayout}): {@code per-item} writes {@code items/<i>.json}
 * per item; {@code packed} writes parts of JSON Lines and one fixed-width offsets object
 * ({@link io.jenkins.plugins.awsbatch.engine.store.PackedItems}), so planning costs a call per part, not per item.
 */
public enum ItemLayout {
    PER_ITEM("per-item"),
    PACKED("packed");

    /** {@code plan.itemLayout} unset or {@code auto}: per-item up to this many items, packed past it. */
    public static final long AUTO_PACKED_ABOVE = 1_000;

    public static final String AUTO = "auto";

    private final String id;

    ItemLayout(String id) {
        this.id = id;
    }

    /** The name in the graph file, the manifest and {@code BATCHGRAPH_ITEMS_LAYOUT}. */
    public String id() {
        return id;
    }

    /** The layout {@code id} names; null for {@code auto}, unset or anything else (the validator names those). */
    public static ItemLayout named(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst().orElse(null);
    }

    /** True for every value {@code plan.itemLayout} accepts. */
    public static boolean isValid(String id) {
        return id == null || AUTO.equals(id) || named(id) != null;
    }

    /**
     * The layout of a plan of {@code itemCount} items going to {@code itemsUri}: the configured one, else by the
     * item count. A DynamoDB item table keeps one table item per plan item whatever is configured.
     */
    public static ItemLayout choose(String configured, long itemCount, String itemsUri) {
        if (itemsUri != null && itemsUri.startsWith("dynamodb:")) {
            return PER_ITEM;
        }
        ItemLayout named = named(configured);
        if (named != null) {
            return named;
        }
        return itemCount > AUTO_PACKED_ABOVE ? PACKED : PER_ITEM;
    }

    /** The layout a journal or manifest recorded; runs planned before layouts existed are per-item. */
    public static ItemLayout recorded(String id) {
        ItemLayout named = named(id);
        return named == null ? PER_ITEM : named;
    }
}
