package io.jenkins.plugins.awsbatch.offline;

import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A console that keeps what was printed; hyperlinks are printed as "text <url>". */
public final class FakeListener implements TaskListener {
    private static final long serialVersionUID = 1L;
    private final transient ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final transient PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);

    @Override
    public PrintStream getLogger() {
        return stream;
    }

    @Override
    public void hyperlink(String url, String text) {
        stream.print(text + " <" + url + ">");
    }

    public String text() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
