package io.jenkins.plugins.awsbatch.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;

/** One unit of work: its position in the plan, the key reports name it by, and its record. */
public record Item(long index, String key, JsonNode record) {}
