package io.jenkins.plugins.awsbatch.engine.events;

import java.util.List;

/**
 * A graph's rule as AWS has it ({@code batchgraph events show}), or what setup and remove did.
 *
 * @param ruleArn       null when there is no rule
 * @param eventPattern  the rule's pattern as AWS returns it, or null
 * @param state         ENABLED | DISABLED, or null
 * @param targets       "id → arn" per target
 * @param topicArn      the topic the rule sends to, or null
 * @param subscriptions "protocol endpoint (confirmed | pending confirmation)" per subscription of a topic batchgraph
 *                      created
 * @param changes       what setup or remove changed, one line each; empty when nothing needed to change
 */
public record EventRuleState(
        String ruleName,
        String ruleArn,
        String eventPattern,
        String state,
        List<String> targets,
        String topicArn,
        List<String> subscriptions,
        List<String> changes) {
    public EventRuleState {
        targets = List.copyOf(targets);
        subscriptions = List.copyOf(subscriptions);
        changes = List.copyOf(changes);
    }

    public boolean exists() {
        return ruleArn != null;
    }
}
