package io.jenkins.plugins.awsbatch.engine.batch.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Batch's {@code Ref::name} placeholders in a command: replaced by the job's parameters (SubmitJob's over the
 * definition's defaults) in one left-to-right pass, so a value containing {@code Ref::} is not expanded again.
 * The longest defined name wins and must not run on into further letters or digits; an unknown name stays as
 * written, as on AWS.
 */
final class Placeholders {
    private static final String PREFIX = "Ref::";

    private Placeholders() {}

    static List<String> substitute(List<String> command, Map<String, String> parameters) {
        List<String> out = new ArrayList<>(command.size());
        for (String arg : command) {
            out.add(substitute(arg, parameters));
        }
        return out;
    }

    static String substitute(String arg, Map<String, String> parameters) {
        if (arg == null || !arg.contains(PREFIX) || parameters.isEmpty()) {
            return arg;
        }
        StringBuilder out = new StringBuilder(arg.length());
        int i = 0;
        while (i < arg.length()) {
            if (arg.startsWith(PREFIX, i)) {
                String name = longestNameAt(arg, i + PREFIX.length(), parameters);
                if (name != null) {
                    out.append(parameters.get(name));
                    i += PREFIX.length() + name.length();
                    continue;
                }
            }
            out.append(arg.charAt(i++));
        }
        return out.toString();
    }

    private static String longestNameAt(String text, int start, Map<String, String> parameters) {
        String best = null;
        for (String name : parameters.keySet()) {
            int end = start + name.length();
            if (!name.isEmpty()
                    && text.startsWith(name, start)
                    && (end == text.length() || !isNameChar(text.charAt(end)))
                    && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        return best;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
