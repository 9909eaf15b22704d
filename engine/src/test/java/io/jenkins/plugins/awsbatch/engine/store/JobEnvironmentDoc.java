package io.jenkins.plugins.awsbatch.engine.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The reading code of docs/job-environment.md, as the tests run it: what the page shows is what is tested. */
public final class JobEnvironmentDoc {
    private static final Path PAGE = Path.of("../docs/job-environment.md");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```$");

    private JobEnvironmentDoc() {}

    /** The one {@code language} block of the page that contains {@code marker}. */
    public static String snippet(String language, String marker) {
        String page;
        try {
            page = Files.readString(PAGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> found = new ArrayList<>();
        Matcher m = FENCE.matcher(page);
        while (m.find()) {
            if (m.group(1).equals(language) && m.group(2).contains(marker)) {
                found.add(m.group(2));
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException(
                    PAGE + " has " + found.size() + " " + language + " blocks with '" + marker + "'");
        }
        return found.get(0);
    }
}
