package io.jenkins.plugins.awsbatch.engine.report;

/** Escaping for the report formats: every string that came from a user, a job or a log goes through here. */
public final class Markup {
    private Markup() {}

    /** HTML and XML text and attribute values; control characters (not allowed in XML 1.0) become U+FFFD. */
    public static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** A Markdown table cell: pipes and line breaks would end the cell, HTML would render. */
    public static String cell(String s) {
        return xml(s).replace("|", "\\|").replace("\r", "").replace("\n", " ");
    }

    /** {@code 42.0 s}, {@code 3 min 05 s}. */
    public static String duration(long ms) {
        long s = ms / 1000;
        return s < 60
                ? String.format("%.1f s", ms / 1000.0)
                : s < 3600
                        ? String.format("%d min %02d s", s / 60, s % 60)
                        : String.format("%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
