package io.jenkins.plugins.awsbatch.notify;

import io.jenkins.plugins.awsbatch.engine.graph.NotifySpec;
import io.jenkins.plugins.awsbatch.engine.graph.NotifyTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a step's {@code notify:} argument. The short form of the pipeline,
 * {@code [onFailure: [slack: 'slack-cred-id', email: 'team@example.com', sns: 'arn:aws:sns:...']]}, where each
 * kind becomes one target (a Slack string is a Jenkins secret-text credentials id, an email string or list the
 * recipients, an SNS string the topic ARN); and the long form of {@code batchgraph.yaml},
 * {@code [onFailure: [[slack: [credentialsId: 'id', channel: '#ops']], [email: [to: ['a@x'], smtpHost: 'smtp']]]]}.
 * Errors name the field, never a value.
 */
public final class NotifyArguments {
    private static final Set<String> OUTCOMES = Set.of("onFailure", "onUnstable", "onSuccess");
    private static final Set<String> SLACK_FIELDS = Set.of("credentialsId", "webhookUrlEnv", "channel");
    private static final Set<String> EMAIL_FIELDS =
            Set.of("to", "from", "smtpHost", "smtpPort", "security", "username", "passwordEnv");

    private NotifyArguments() {}

    /** @return null when {@code notify} is null or empty */
    public static NotifySpec parse(Object notify) {
        if (notify == null) {
            return null;
        }
        if (!(notify instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("notify: expected a map such as [onFailure: [slack: 'slack-cred-id']]");
        }
        if (map.isEmpty()) {
            return null;
        }
        for (Object k : map.keySet()) {
            if (!OUTCOMES.contains(String.valueOf(k))) {
                throw new IllegalArgumentException("notify." + k + ": unknown; use onFailure, onUnstable or onSuccess");
            }
        }
        return new NotifySpec(
                targets(map.get("onFailure"), "notify.onFailure"),
                targets(map.get("onUnstable"), "notify.onUnstable"),
                targets(map.get("onSuccess"), "notify.onSuccess"));
    }

    private static List<NotifyTarget> targets(Object value, String path) {
        List<NotifyTarget> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            addAll(out, map, path);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> one)) {
                    throw new IllegalArgumentException(path + "[" + i + "]: expected a map such as [slack: 'id']");
                }
                addAll(out, one, path + "[" + i + "]");
            }
        } else {
            throw new IllegalArgumentException(
                    path + ": expected a map of targets ([slack: 'id', email: 'a@x']) or a " + "list of them");
        }
        return out;
    }

    private static void addAll(List<NotifyTarget> out, Map<?, ?> kinds, String path) {
        for (Map.Entry<?, ?> e : kinds.entrySet()) {
            String kind = String.valueOf(e.getKey());
            String at = path + "." + kind;
            switch (kind) {
                case "slack" -> out.add(new NotifyTarget(slack(e.getValue(), at), null, null));
                case "email" -> out.add(new NotifyTarget(null, email(e.getValue(), at), null));
                case "sns" -> out.add(new NotifyTarget(null, null, sns(e.getValue(), at)));
                default -> throw new IllegalArgumentException(at + ": unknown target; use slack, email or sns");
            }
        }
    }

    private static NotifyTarget.Slack slack(Object v, String path) {
        if (v instanceof String id) {
            return new NotifyTarget.Slack(null, nonBlank(id, path), null);
        }
        Map<?, ?> m = fields(v, path, SLACK_FIELDS);
        return new NotifyTarget.Slack(
                string(m.get("webhookUrlEnv")), string(m.get("credentialsId")), string(m.get("channel")));
    }

    private static NotifyTarget.Email email(Object v, String path) {
        if (v instanceof String || v instanceof List) {
            return new NotifyTarget.Email(recipients(v, path), null, null, null, null, null, null);
        }
        Map<?, ?> m = fields(v, path, EMAIL_FIELDS);
        Object port = m.get("smtpPort");
        Integer smtpPort;
        try {
            smtpPort = port == null
                    ? null
                    : port instanceof Number n
                            ? n.intValue()
                            : Integer.valueOf(port.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + ".smtpPort: expected a number");
        }
        return new NotifyTarget.Email(
                recipients(m.get("to"), path + ".to"),
                string(m.get("from")),
                string(m.get("smtpHost")),
                smtpPort,
                string(m.get("security")),
                string(m.get("username")),
                string(m.get("passwordEnv")));
    }

    private static NotifyTarget.Sns sns(Object v, String path) {
        if (v instanceof String arn) {
            return new NotifyTarget.Sns(nonBlank(arn, path));
        }
        Map<?, ?> m = fields(v, path, Set.of("topicArn"));
        return new NotifyTarget.Sns(nonBlank(string(m.get("topicArn")), path + ".topicArn"));
    }

    private static List<String> recipients(Object v, String path) {
        List<String> to = new ArrayList<>();
        if (v instanceof String s) {
            for (String one : s.split("[,\\s]+")) {
                if (!one.isBlank()) {
                    to.add(one.trim());
                }
            }
        } else if (v instanceof List<?> list) {
            list.forEach(o -> to.add(String.valueOf(o).trim()));
        }
        if (to.isEmpty()) {
            throw new IllegalArgumentException(path + ": expected one or more addresses");
        }
        return to;
    }

    private static Map<?, ?> fields(Object v, String path, Set<String> allowed) {
        if (!(v instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(path + ": expected a string or a map");
        }
        for (Object k : m.keySet()) {
            if (!allowed.contains(String.valueOf(k))) {
                throw new IllegalArgumentException(path + "." + k + ": unknown field; use one of " + allowed);
            }
        }
        return m;
    }

    private static String nonBlank(String s, String path) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(path + ": must not be empty");
        }
        return s.trim();
    }

    private static String string(Object o) {
        return o == null || o.toString().isBlank() ? null : o.toString().trim();
    }
}
