package io.jenkins.plugins.awsbatch.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Reads item records from one file format. */
interface ItemReader {
    List<JsonNode> read(InputStream in, String sheet) throws IOException;
}
