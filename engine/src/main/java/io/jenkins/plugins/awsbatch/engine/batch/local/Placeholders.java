package io.jenkins.plugins.awsbatch.engine.batch.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Batch's {@code Ref::name} placeholders in a command: replaced by the job's parameters (SubmitJob's over the
 * definition's defaults). An unknown name stays as written, as on AWS.
 */
final class Placeholders {
    private static final Pattern REF = Pattern.compile("Ref::([A-Za-z0-9_\\-]+)");

    private Placeholders() {
    }

    static List<String> substitute(List<String> command, Map<String, String> parameters) {
        List<String> out = new ArrayList<>(command.size());
        for (String arg : command) {
            out.add(substitute(arg, parameters));
        }
        return out;
    }

    static String substitute(String arg, Map<String, String> parameters) {
        if (arg == null || !arg.contains("Ref::")) {
            return arg;
        }
        Matcher m = REF.matcher(arg);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = parameters.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
