package io.jenkins.plugins.awsbatch.engine.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.InputTransformer;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * Sets up, shows and removes a graph's Batch job state change rule on EventBridge and the SNS topic it sends to.
 * Idempotent: what already is as wanted is left alone (a second setup makes no write call), so every run of the
 * graph can call {@link #setup} cheaply. The rule and a topic batchgraph creates are tagged
 * {@code managed-by=batchgraph} and {@code batchgraph:graph=<name>}; a topic of the graph's own ({@code sns}
 * target) only gets a policy statement letting this rule publish, which remove takes out again.
 */
public final class AwsEventRules {
    /** The id of the rule's one target. */
    public static final String TARGET_ID = "batchgraph-sns";

    private static final String POLICY = "Policy";

    private final EventBridgeClient events;
    private final SnsClient sns;
    private final ObjectMapper json;

    public AwsEventRules(EventBridgeClient events, SnsClient sns, ObjectMapper json) {
        this.events = events;
        this.sns = sns;
        this.json = json;
    }

    /** Makes the rule, topic, topic policy, subscriptions and target be as {@code spec} says. */
    public EventRuleState setup(EventRuleSpec spec) {
        if (spec.queueArns().isEmpty()) {
            throw new IllegalArgumentException("the graph uses no job queue: there is nothing to watch");
        }
        List<String> changes = new ArrayList<>();
        String pattern = new BatchEventPattern(spec).json().toString();
        String description = "batchgraph: Batch job state changes of graph " + spec.graphName();
        Optional<DescribeRuleResponse> existing = describeRule(spec.ruleName());
        String ruleArn;
        if (existing.isEmpty()
                || !samePattern(existing.get().eventPattern(), pattern)
                || existing.get().state() != RuleState.ENABLED
                || !description.equals(existing.get().description())) {
            ruleArn = events.putRule(r -> r.name(spec.ruleName())
                            .eventPattern(pattern)
                            .state(RuleState.ENABLED)
                            .description(description)
                            .tags(
                                    t -> t.key(EventRuleSpec.TAG_MANAGED_BY).value(EventRuleSpec.MANAGED_BY),
                                    t -> t.key(EventRuleSpec.TAG_GRAPH).value(spec.graphName())))
                    .ruleArn();
            changes.add((existing.isEmpty() ? "created" : "updated") + " rule " + spec.ruleName());
        } else {
            ruleArn = existing.get().arn();
        }
        String topicArn = spec.topicArn() != null ? spec.topicArn() : ensureTopic(spec, ruleArn, changes);
        ensurePublishPolicy(spec, topicArn, ruleArn, changes);
        if (spec.topicArn() == null) {
            ensureSubscriptions(spec, topicArn, changes);
        }
        Target target = target(spec, topicArn);
        List<Target> targets =
                events.listTargetsByRule(r -> r.rule(spec.ruleName())).targets();
        if (targets.size() != 1 || !sameTarget(targets.get(0), target)) {
            List<String> stale = targets.stream()
                    .map(Target::id)
                    .filter(id -> !id.equals(TARGET_ID))
                    .toList();
            if (!stale.isEmpty()) {
                events.removeTargets(r -> r.rule(spec.ruleName()).ids(stale));
            }
            var put = events.putTargets(r -> r.rule(spec.ruleName()).targets(target));
            if (put.failedEntryCount() != null && put.failedEntryCount() > 0) {
                throw new IllegalStateException("EventBridge refused the rule's target: "
                        + put.failedEntries().get(0).errorCode() + " "
                        + put.failedEntries().get(0).errorMessage());
            }
            changes.add("set the target of rule " + spec.ruleName() + " to " + topicArn);
        }
        return show(spec, changes);
    }

    /** The rule, its targets and the topic's subscriptions as they are now. */
    public EventRuleState show(EventRuleSpec spec) {
        return show(spec, List.of());
    }

    private EventRuleState show(EventRuleSpec spec, List<String> changes) {
        Optional<DescribeRuleResponse> rule = describeRule(spec.ruleName());
        if (rule.isEmpty()) {
            return new EventRuleState(spec.ruleName(), null, null, null, List.of(), null, List.of(), changes);
        }
        List<Target> targets =
                events.listTargetsByRule(r -> r.rule(spec.ruleName())).targets();
        String topicArn = targets.stream()
                .filter(t -> t.arn().startsWith("arn:") && t.arn().contains(":sns:"))
                .map(Target::arn)
                .findFirst()
                .orElse(null);
        List<String> subscriptions = new ArrayList<>();
        if (topicArn != null && topicArn.endsWith(":" + spec.topicName())) {
            for (Subscription s : subscriptions(topicArn)) {
                String endpoint =
                        "https".equals(s.protocol()) ? "https://" + hostOf(s.endpoint()) + "/..." : s.endpoint();
                subscriptions.add(s.protocol() + " " + endpoint + " ("
                        + (s.subscriptionArn().startsWith("arn:") ? "confirmed" : "pending confirmation") + ")");
            }
        }
        return new EventRuleState(
                spec.ruleName(),
                rule.get().arn(),
                rule.get().eventPattern(),
                rule.get().stateAsString(),
                targets.stream().map(t -> t.id() + " -> " + t.arn()).toList(),
                topicArn,
                subscriptions,
                changes);
    }

    /** Deletes the rule (its targets first) and the topic batchgraph created; a graph's own topic loses only our statement. */
    public EventRuleState remove(EventRuleSpec spec) {
        List<String> changes = new ArrayList<>();
        Optional<DescribeRuleResponse> rule = describeRule(spec.ruleName());
        if (rule.isPresent()) {
            List<Target> targets =
                    events.listTargetsByRule(r -> r.rule(spec.ruleName())).targets();
            if (!targets.isEmpty()) {
                events.removeTargets(r -> r.rule(spec.ruleName())
                        .ids(targets.stream().map(Target::id).toList()));
            }
            events.deleteRule(r -> r.name(spec.ruleName()));
            changes.add("deleted rule " + spec.ruleName());
            String created = topicArnOf(rule.get().arn(), spec.topicName());
            if (topicExists(created)) {
                sns.deleteTopic(r -> r.topicArn(created));
                changes.add("deleted topic " + created + " and its subscriptions");
            }
            if (spec.topicArn() != null && topicExists(spec.topicArn())) {
                ObjectNode policy = policyOf(spec.topicArn());
                if (removeStatement(policy, statementId(spec))) {
                    setPolicy(spec.topicArn(), policy);
                    changes.add(
                            "removed the publish statement of rule " + spec.ruleName() + " from " + spec.topicArn());
                }
            }
        }
        return new EventRuleState(spec.ruleName(), null, null, null, List.of(), null, List.of(), changes);
    }

    private Optional<DescribeRuleResponse> describeRule(String name) {
        try {
            return Optional.of(events.describeRule(r -> r.name(name)));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    private String ensureTopic(EventRuleSpec spec, String ruleArn, List<String> changes) {
        String arn = topicArnOf(ruleArn, spec.topicName());
        if (topicExists(arn)) {
            return arn;
        }
        String created = sns.createTopic(r -> r.name(spec.topicName())
                        .tags(
                                t -> t.key(EventRuleSpec.TAG_MANAGED_BY).value(EventRuleSpec.MANAGED_BY),
                                t -> t.key(EventRuleSpec.TAG_GRAPH).value(spec.graphName())))
                .topicArn();
        changes.add("created topic " + created);
        return created;
    }

    /** The rule's region and account, the topic's name: where batchgraph creates the topic. */
    static String topicArnOf(String ruleArn, String topicName) {
        String[] parts = ruleArn.split(":");
        return "arn:" + parts[1] + ":sns:" + parts[3] + ":" + parts[4] + ":" + topicName;
    }

    private boolean topicExists(String topicArn) {
        try {
            sns.getTopicAttributes(r -> r.topicArn(topicArn));
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void ensurePublishPolicy(EventRuleSpec spec, String topicArn, String ruleArn, List<String> changes) {
        ObjectNode policy = policyOf(topicArn);
        ObjectNode wanted = json.createObjectNode();
        wanted.put("Sid", statementId(spec));
        wanted.put("Effect", "Allow");
        wanted.putObject("Principal").put("Service", "events.amazonaws.com");
        wanted.put("Action", "sns:Publish");
        wanted.put("Resource", topicArn);
        wanted.putObject("Condition").putObject("ArnEquals").put("aws:SourceArn", ruleArn);
        for (JsonNode statement : policy.withArray("Statement")) {
            if (wanted.equals(statement)) {
                return;
            }
        }
        removeStatement(policy, statementId(spec));
        policy.withArray("Statement").add(wanted);
        setPolicy(topicArn, policy);
        changes.add("let rule " + spec.ruleName() + " publish to " + topicArn);
    }

    private static String statementId(EventRuleSpec spec) {
        return spec.ruleName().replaceAll("[^A-Za-z0-9]", "") + "Publish";
    }

    private ObjectNode policyOf(String topicArn) {
        Map<String, String> attributes =
                sns.getTopicAttributes(r -> r.topicArn(topicArn)).attributes();
        String text = attributes.get(POLICY);
        ObjectNode policy;
        try {
            policy = text == null || text.isBlank() ? json.createObjectNode() : (ObjectNode) json.readTree(text);
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("the policy of topic " + topicArn + " is not a JSON object");
        }
        if (!policy.has("Version")) {
            policy.put("Version", "2012-10-17");
        }
        if (!policy.path("Statement").isArray()) {
            JsonNode single = policy.remove("Statement");
            ArrayNode statements = policy.putArray("Statement");
            if (single != null && single.isObject()) {
                statements.add(single);
            }
        }
        return policy;
    }

    private static boolean removeStatement(ObjectNode policy, String sid) {
        ArrayNode statements = policy.withArray("Statement");
        for (int i = statements.size() - 1; i >= 0; i--) {
            if (sid.equals(statements.get(i).path("Sid").asText())) {
                statements.remove(i);
                return true;
            }
        }
        return false;
    }

    private void setPolicy(String topicArn, ObjectNode policy) {
        sns.setTopicAttributes(r -> r.topicArn(topicArn).attributeName(POLICY).attributeValue(policy.toString()));
    }

    private void ensureSubscriptions(EventRuleSpec spec, String topicArn, List<String> changes) {
        List<Subscription> existing = subscriptions(topicArn);
        subscribe(topicArn, "email", spec.emails(), existing, changes);
        subscribe(topicArn, "https", spec.httpsUrls(), existing, changes);
    }

    private void subscribe(
            String topicArn,
            String protocol,
            List<String> endpoints,
            List<Subscription> existing,
            List<String> changes) {
        for (String endpoint : endpoints) {
            boolean known =
                    existing.stream().anyMatch(s -> protocol.equals(s.protocol()) && endpoint.equals(s.endpoint()));
            if (!known) {
                sns.subscribe(r -> r.topicArn(topicArn).protocol(protocol).endpoint(endpoint));
                // an HTTPS URL may carry a token: name the host only
                changes.add("subscribed " + protocol + " " + ("https".equals(protocol) ? hostOf(endpoint) : endpoint)
                        + " (it must confirm the subscription)");
            }
        }
    }

    private static String hostOf(String url) {
        try {
            return java.net.URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return "(an invalid URL)";
        }
    }

    private List<Subscription> subscriptions(String topicArn) {
        List<Subscription> all = new ArrayList<>();
        sns.listSubscriptionsByTopicPaginator(r -> r.topicArn(topicArn))
                .subscriptions()
                .forEach(all::add);
        return all;
    }

    private Target target(EventRuleSpec spec, String topicArn) {
        EventMessageTemplate template = new EventMessageTemplate(spec.graphName());
        return Target.builder()
                .id(TARGET_ID)
                .arn(topicArn)
                .inputTransformer(InputTransformer.builder()
                        .inputPathsMap(EventMessageTemplate.PATHS)
                        .inputTemplate(template.inputTemplate(json))
                        .build())
                .build();
    }

    private static boolean sameTarget(Target actual, Target wanted) {
        return wanted.id().equals(actual.id())
                && wanted.arn().equals(actual.arn())
                && actual.inputTransformer() != null
                && wanted.inputTransformer()
                        .inputPathsMap()
                        .equals(actual.inputTransformer().inputPathsMap())
                && wanted.inputTransformer()
                        .inputTemplate()
                        .equals(actual.inputTransformer().inputTemplate());
    }

    private boolean samePattern(String actual, String wanted) {
        try {
            return actual != null && json.readTree(actual).equals(json.readTree(wanted));
        } catch (IOException e) {
            return false;
        }
    }
}
