package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.housekeeping.EndedRunsCleanup;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.run.wiring.LazyStores;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code batchgraph cleanup --older-than 7d --store S}: the transient data of every ended run older than that. */
final class CleanupOlderThan {
    private static final Pattern AGE = Pattern.compile("(\\d+)([dhm])");

    private CleanupOlderThan() {}

    static int run(String age, RunSelection selection) {
        Duration olderThan = parse(age);
        if (selection.run != null) {
            throw new CliException("give either RUN or --older-than, not both", BatchGraphCli.EXIT_INVALID);
        }
        if (selection.store == null) {
            throw new CliException(
                    "--older-than needs --store (the store whose runs to clean, e.g. s3://bucket/runs)",
                    BatchGraphCli.EXIT_INVALID);
        }
        try (LazyStores stores = selection.stores()) {
            List<EndedRunsCleanup.Outcome> outcomes =
                    new EndedRunsCleanup(stores, Json.mapper()).clean(selection.store, olderThan, Instant.now());
            int failed = 0;
            for (EndedRunsCleanup.Outcome o : outcomes) {
                if (o.report() == null) {
                    System.err.println(o.runId() + ": skipped (" + o.skipped() + ")");
                } else if (o.report().error() != null) {
                    failed++;
                    System.err.println(o.runId() + ": error: " + o.report().error());
                } else {
                    System.err.println(o.runId() + ": deleted " + o.report().deletedObjects() + " object(s) under "
                            + o.report().deletedPrefixes());
                }
            }
            long cleaned = outcomes.stream()
                    .filter(o -> o.report() != null && o.report().error() == null)
                    .count();
            System.err.println(cleaned + " run(s) cleaned, " + (outcomes.size() - cleaned - failed) + " skipped, "
                    + failed + " failed");
            return failed == 0 ? 0 : 1;
        }
    }

    static Duration parse(String age) {
        Matcher m = AGE.matcher(age == null ? "" : age.trim());
        if (!m.matches()) {
            throw new CliException(
                    "--older-than takes a number and a unit: 7d, 12h or 30m, was '" + age + "'",
                    BatchGraphCli.EXIT_INVALID);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
        };
    }
}
