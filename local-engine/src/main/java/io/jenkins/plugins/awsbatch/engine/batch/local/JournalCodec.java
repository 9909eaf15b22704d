package io.jenkins.plugins.awsbatch.engine.batch.local;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;

/** {@link JournalEntry} lines to and from JSON: one object per line, nulls left out, unknown fields ignored. */
final class JournalCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    private static final ObjectWriter WRITER =
            JSON.writerFor(JournalEntry.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    private static final ObjectReader READER = JSON.readerFor(JournalEntry.class);

    private JournalCodec() {}

    /** Writes {@code entry} and its newline. */
    static void write(OutputStream out, JournalEntry entry) throws IOException {
        WRITER.writeValue(out, entry);
        out.write('\n');
    }

    static JournalEntry read(String line) throws IOException {
        return READER.readValue(line);
    }

    /** The mapper for the snapshot of the format before the journal ({@link LegacySnapshot}). */
    static ObjectMapper mapper() {
        return JSON;
    }
}
