package io.jenkins.plugins.awsbatch.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** Reads item records from one file format, handing each to {@code sink} as it is read, in order. */
interface ItemReader {
    void read(InputStream in, String sheet, Consumer<JsonNode> sink) throws IOException;
}
