package io.jenkins.plugins.awsbatch.engine.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * AWS Batch's documented limits, the one home of each: the graph's validation, the SDK service's
 * {@code SubmitJobValidator}, the local engine and its endpoint all check through here, so they accept and refuse
 * the same values. Each check takes the path of the field as its caller names it ({@code stages[0].timeout},
 * {@code timeout.attemptDurationSeconds}) and returns a {@link Violation} naming that field and the fix, or null.
 */
public final class BatchLimits {
    /** Fewest children of an array job (one item is a single job). */
    public static final int MIN_ARRAY_SIZE = 2;
    /** Most children of one array job. */
    public static final int MAX_ARRAY_SIZE = 10_000;
    /** Most entries of {@code dependsOn}. */
    public static final int MAX_DEPENDENCIES = 20;
    /** Most ids per DescribeJobs (and names per DescribeJobQueues) call. */
    public static final int MAX_DESCRIBE_IDS = 100;

    public static final int MIN_ATTEMPTS = 1;
    public static final int MAX_ATTEMPTS = 10;
    /** Most {@code evaluateOnExit} rules of a retry strategy. */
    public static final int MAX_EXIT_RULES = 5;
    /** Longest {@code onExitCode}, {@code onStatusReason} or {@code onReason} pattern. */
    public static final int MAX_PATTERN_LENGTH = 512;
    /** Smallest {@code attemptDurationSeconds}. */
    public static final int MIN_TIMEOUT_SECONDS = 60;
    /** Longest name of a job, job queue or job definition. */
    public static final int MAX_NAME_LENGTH = 128;

    public static final int MAX_TAGS = 50;
    public static final int MAX_TAG_KEY_LENGTH = 128;
    public static final int MAX_TAG_VALUE_LENGTH = 256;
    public static final int MAX_SCHEDULING_PRIORITY = 9999;

    /** Job (and job definition) names: letters, digits, '-' and '_', starting with a letter or digit. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0," + (MAX_NAME_LENGTH - 1) + "}");
    /** Digits with an optional trailing {@code *}, or {@code *} alone. */
    private static final Pattern EXIT_CODE_GLOB = Pattern.compile("[0-9]+\\*?|\\*");
    /** Letters, digits, periods, colons and white space (spaces or tabs), with an optional trailing {@code *}. */
    private static final Pattern REASON_GLOB = Pattern.compile("[A-Za-z0-9.: \\t]*\\*?");

    private BatchLimits() {}

    /** One broken limit: the field as the caller names it, what is wrong, and how to fix it. */
    public record Violation(String field, String problem, String fix) {
        public String message() {
            return field + ": " + problem + ". Fix: " + fix;
        }

        public Violation withFix(String otherFix) {
            return new Violation(field, problem, otherFix);
        }

        public BatchClientException toException() {
            return new BatchClientException(message());
        }
    }

    /** Throws the violation as AWS's ClientException; nothing when it is null. */
    public static void require(Violation violation) {
        if (violation != null) {
            throw violation.toException();
        }
    }

    /** An array job's size ({@code null}: not an array). */
    public static Violation arraySize(Integer size, String field) {
        if (size == null || size >= MIN_ARRAY_SIZE && size <= MAX_ARRAY_SIZE) {
            return null;
        }
        return new Violation(
                field,
                "Array job size must be between " + MIN_ARRAY_SIZE + " and " + MAX_ARRAY_SIZE + ", got " + size,
                "submit one item as a single job and at most " + MAX_ARRAY_SIZE + " items per array job");
    }

    public static Violation dependencies(int count, String field) {
        if (count <= MAX_DEPENDENCIES) {
            return null;
        }
        return new Violation(
                field,
                "a job can depend on at most " + MAX_DEPENDENCIES + " jobs, got " + count,
                "depend on fewer jobs, or on one job that depends on the others");
    }

    public static Violation describeIds(int count, String field) {
        if (count <= MAX_DESCRIBE_IDS) {
            return null;
        }
        return new Violation(
                field,
                "Maximum number of jobs supported is " + MAX_DESCRIBE_IDS + ", got " + count,
                "ask for at most " + MAX_DESCRIBE_IDS + " per call");
    }

    /** An attempt's timeout in seconds ({@code null}: none). */
    public static Violation timeout(Integer seconds, String field) {
        if (seconds == null || seconds >= MIN_TIMEOUT_SECONDS) {
            return null;
        }
        String name = leaf(field);
        return new Violation(
                field,
                name + " must be at least " + MIN_TIMEOUT_SECONDS + " seconds, got " + seconds,
                "set " + name + " to " + MIN_TIMEOUT_SECONDS + " or more (AWS Batch's minimum)");
    }

    /** The name of a job, job definition or job queue; {@code what} says which ("Job name"). */
    public static Violation name(String name, String what, String field) {
        if (name != null && NAME.matcher(name).matches()) {
            return null;
        }
        return new Violation(
                field,
                what + " should be up to " + MAX_NAME_LENGTH + " letters (uppercase and "
                        + "lowercase), numbers, hyphens, and underscores, and must start with a letter or number, got '"
                        + name + "'",
                "use 1-" + MAX_NAME_LENGTH + " letters, digits, '-' or '_', starting with a letter or digit");
    }

    public static Violation schedulingPriority(Integer priority, String field) {
        if (priority == null || priority >= 0 && priority <= MAX_SCHEDULING_PRIORITY) {
            return null;
        }
        return new Violation(
                field,
                leaf(field) + " must be between 0 and " + MAX_SCHEDULING_PRIORITY + ", got " + priority,
                "set a priority from 0 to " + MAX_SCHEDULING_PRIORITY + " (higher runs first)");
    }

    /** At most 50 tags, keys 1-128 characters not starting with "aws:", values at most 256. */
    public static Violation tags(Map<String, String> tags, String field) {
        String fix = "keep at most " + MAX_TAGS + " tags, keys of 1-" + MAX_TAG_KEY_LENGTH
                + " characters not starting with 'aws:', values of at most " + MAX_TAG_VALUE_LENGTH;
        if (tags.size() > MAX_TAGS) {
            return new Violation(field, "A job takes at most " + MAX_TAGS + " tags, got " + tags.size(), fix);
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            if (key.isEmpty()
                    || key.length() > MAX_TAG_KEY_LENGTH
                    || tag.getValue() != null && tag.getValue().length() > MAX_TAG_VALUE_LENGTH) {
                return new Violation(
                        field,
                        "Tag keys are 1-" + MAX_TAG_KEY_LENGTH + " characters and values at most "
                                + MAX_TAG_VALUE_LENGTH + ": '" + key + "'",
                        fix);
            }
            if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                return new Violation(field, "Tag keys starting with 'aws:' are reserved: '" + key + "'", fix);
            }
        }
        return null;
    }

    /** Every broken limit of a retry strategy ({@code null}: none), in field order. */
    public static List<Violation> retryStrategy(RetryStrategy retry, String field) {
        List<Violation> out = new ArrayList<>();
        if (retry == null) {
            return out;
        }
        if (retry.attempts() < MIN_ATTEMPTS || retry.attempts() > MAX_ATTEMPTS) {
            out.add(new Violation(
                    field + ".attempts",
                    "attempts must be between " + MIN_ATTEMPTS + " and " + MAX_ATTEMPTS + ", got " + retry.attempts(),
                    "set attempts to a number from " + MIN_ATTEMPTS + " to " + MAX_ATTEMPTS));
        }
        List<EvaluateOnExit> rules = retry.evaluateOnExit();
        if (rules.size() > MAX_EXIT_RULES) {
            out.add(new Violation(
                    field + ".evaluateOnExit",
                    "at most " + MAX_EXIT_RULES + " rules are allowed, got " + rules.size(),
                    "merge rules with glob patterns such as '13*'"));
        }
        for (int i = 0; i < rules.size(); i++) {
            exitRule(rules.get(i), field + ".evaluateOnExit[" + i + "]", out);
        }
        return out;
    }

    /** The first broken limit of a retry strategy, or null. */
    public static Violation firstOf(List<Violation> violations) {
        return violations.isEmpty() ? null : violations.get(0);
    }

    private static void exitRule(EvaluateOnExit rule, String path, List<Violation> out) {
        if (rule.action() == null) {
            out.add(new Violation(path + ".action", "action is required", "set action: RETRY or EXIT"));
        }
        if (rule.onExitCode() == null && rule.onReason() == null && rule.onStatusReason() == null) {
            out.add(new Violation(
                    path, "a rule needs onExitCode, onReason or onStatusReason", "add e.g. onExitCode: \"137\""));
        }
        if (rule.onExitCode() != null && !pattern(EXIT_CODE_GLOB, rule.onExitCode())) {
            out.add(new Violation(
                    path + ".onExitCode",
                    "'" + rule.onExitCode() + "' is not an exit-code pattern",
                    "use digits with an optional trailing *, e.g. \"13*\""));
        }
        reason(rule.onReason(), path + ".onReason", out);
        reason(rule.onStatusReason(), path + ".onStatusReason", out);
    }

    private static void reason(String pattern, String path, List<Violation> out) {
        if (pattern != null && !pattern(REASON_GLOB, pattern)) {
            out.add(new Violation(
                    path,
                    "'" + pattern + "' is not a reason pattern",
                    "use letters, digits, spaces, '.', ':', " + "with an optional trailing *, at most "
                            + MAX_PATTERN_LENGTH + " characters"));
        }
    }

    private static boolean pattern(Pattern glob, String text) {
        return text.length() <= MAX_PATTERN_LENGTH && glob.matcher(text).matches();
    }

    /** The field's own name: {@code attemptDurationSeconds} of {@code timeout.attemptDurationSeconds}. */
    private static String leaf(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }
}
