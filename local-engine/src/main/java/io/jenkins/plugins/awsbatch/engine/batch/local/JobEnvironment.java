package io.jenkins.plugins.awsbatch.engine.batch.local;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a local job inherits from whoever started the engine: only the variables a process needs to find its
 * tools and format text (an allow-list), never the caller's credentials, tokens or passwords. On AWS a container
 * sees only its definition's and overrides' variables; locally a command also needs PATH and the like.
 */
public final class JobEnvironment {
    /** Inherited by name. */
    public static final Set<String> ALLOWED = Set.of(
            "PATH",
            "HOME",
            "LANG",
            "LANGUAGE",
            "TZ",
            "TMPDIR",
            "TMP",
            "TEMP",
            "USER",
            "LOGNAME",
            "SHELL",
            "TERM",
            "JAVA_HOME",
            "PYTHONPATH",
            "VIRTUAL_ENV");
    /** Inherited by prefix: the locale categories. */
    public static final String LOCALE_PREFIX = "LC_";

    private JobEnvironment() {}

    public static boolean isInherited(String name) {
        return ALLOWED.contains(name) || name.startsWith(LOCALE_PREFIX);
    }

    /** The allowed part of {@code callerEnvironment}. */
    public static Map<String, String> inheritedFrom(Map<String, String> callerEnvironment) {
        Map<String, String> kept = new TreeMap<>();
        callerEnvironment.forEach((name, value) -> {
            if (isInherited(name)) {
                kept.put(name, value);
            }
        });
        return kept;
    }
}
