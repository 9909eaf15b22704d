package io.jenkins.plugins.awsbatch.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsSettings;
import io.jenkins.plugins.awsbatch.engine.events.AwsEventRules;
import io.jenkins.plugins.awsbatch.engine.events.EventRuleSpec;
import io.jenkins.plugins.awsbatch.engine.events.EventRuleState;
import io.jenkins.plugins.awsbatch.engine.events.GraphEventRules;
import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code batchgraph events setup|show|remove FILE}: the graph's EventBridge rule that tells its notify targets of
 * failed Batch jobs through SNS, whether or not anything tracks the run.
 */
@Command(
        name = "events",
        mixinStandardHelpOptions = true,
        description = "Set up, show or remove the graph's AWS Batch failure events (EventBridge rule -> SNS topic).")
final class EventsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ACTION", description = "${COMPLETION-CANDIDATES}")
    SetupAction action;

    @Parameters(index = "1", paramLabel = "FILE", description = "the graph file (batchgraph.yaml)")
    Path file;

    @Option(
            names = "--https",
            paramLabel = "URL",
            description = "also subscribe this HTTPS endpoint to the topic batchgraph creates (it must confirm)")
    List<String> httpsUrls = new ArrayList<>();

    @Option(names = "--json", description = "print the rule's state as one JSON object on stdout")
    boolean json;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a field of the file")
    List<String> overrides = new ArrayList<>();

    @Mixin
    EngineOptionsMixin engineOptions;

    @Override
    public Integer call() {
        GraphSpec graph = RunCommand.GraphLoader.load(file, overrides, EngineKind.AWS.id(), null);
        if (graph.notifications() == null && action == SetupAction.setup) {
            throw new CliException(
                    file + " has no notify block: the rule would tell nobody. Fix: add notify.onFailure",
                    BatchGraphCli.EXIT_INVALID);
        }
        AwsSettings settings;
        try {
            settings = engineOptions
                    .toOptions()
                    .awsSettings()
                    .region(engineOptions.region != null ? engineOptions.region : graph.region())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), BatchGraphCli.EXIT_INVALID);
        }
        try (AwsClients aws = AwsClients.create(settings, new CallCounter())) {
            AwsEventRules rules = new AwsEventRules(aws.eventBridge(), aws.sns(), Json.mapper());
            EventRuleState state =
                    switch (action) {
                        case setup -> rules.setup(spec(graph, aws));
                        case remove -> rules.remove(GraphEventRules.namesOf(graph));
                        default -> rules.show(GraphEventRules.namesOf(graph));
                    };
            print(state);
            return action == SetupAction.show && !state.exists() ? 1 : 0;
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), BatchGraphCli.EXIT_INVALID);
        } catch (SdkException e) {
            throw new CliException(action + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), 1);
        }
    }

    private EventRuleSpec spec(GraphSpec graph, AwsClients aws) {
        for (String url : httpsUrls) {
            if (!url.startsWith("https://")) {
                throw new CliException("--https must be an https:// URL", BatchGraphCli.EXIT_INVALID);
            }
        }
        return GraphEventRules.specFor(graph, aws.batchService(), httpsUrls);
    }

    private void print(EventRuleState state) {
        state.changes().forEach(c -> System.err.println(c));
        if (state.changes().isEmpty() && action != SetupAction.show) {
            System.err.println("nothing to change");
        }
        if (state.exists()) {
            System.err.println("rule " + state.ruleName() + " (" + state.state() + "): " + state.ruleArn());
            System.err.println("pattern " + state.eventPattern());
            state.targets().forEach(t -> System.err.println("target " + t));
            state.subscriptions().forEach(s -> System.err.println("subscription " + s));
        } else if (action == SetupAction.show) {
            System.err.println("no rule " + state.ruleName() + ": batchgraph events setup FILE creates it");
        }
        if (json) {
            ObjectNode out = Json.mapper().valueToTree(state);
            out.put("exists", state.exists());
            System.out.println(out);
        }
    }
}
