package io.jenkins.plugins.awsbatch.engine.store;

/** Joining and checking store URIs. */
public final class StoreUris {
    private StoreUris() {}

    /** Joins with exactly one {@code /} between parts. */
    public static String join(String base, String... parts) {
        StringBuilder out = new StringBuilder(stripSlash(base));
        for (String part : parts) {
            String clean = part.startsWith("/") ? part.substring(1) : part;
            out.append('/').append(stripSlash(clean));
        }
        return out.toString();
    }

    /** The URI with a trailing {@code /}: the form a prefix takes. */
    public static String asPrefix(String uri) {
        return uri.endsWith("/") ? uri : uri + "/";
    }

    /** True when {@code candidate} is {@code root} itself or lies under it (segment-wise, no {@code ..}). */
    public static boolean isInside(String candidate, String root) {
        if (candidate.contains("/../") || candidate.endsWith("/..")) {
            return false;
        }
        String prefix = asPrefix(root);
        return asPrefix(candidate).startsWith(prefix);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
