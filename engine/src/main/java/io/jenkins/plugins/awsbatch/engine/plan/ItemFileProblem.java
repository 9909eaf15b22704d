package io.jenkins.plugins.awsbatch.engine.plan;

import java.io.IOException;

/**
 * What is wrong in an item file and where: a line of a text file ({@code line} &gt; 0), or a place such as a
 * sheet's row ({@code place}); {@link ItemSource} turns it into an error naming {@code file:line}.
 */
final class ItemFileProblem extends IOException {
    private final long line;
    private final String place;
    private final String fix;

    ItemFileProblem(long line, String problem, String fix) {
        this(line, null, problem, fix);
    }

    ItemFileProblem(String place, String problem, String fix) {
        this(0, place, problem, fix);
    }

    private ItemFileProblem(long line, String place, String problem, String fix) {
        super(problem);
        this.line = line;
        this.place = place;
        this.fix = fix;
    }

    /** {@code items.csv:3}, {@code items.xlsx (sheet Items, row 5)} or just the file. */
    String where(String file) {
        if (line > 0) {
            return file + ":" + line;
        }
        return place == null ? file : file + " (" + place + ")";
    }

    String fix() {
        return fix;
    }
}
