package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchService;
import io.jenkins.plugins.awsbatch.engine.events.EventNotifier;
import io.jenkins.plugins.awsbatch.engine.events.EventWebhook;
import io.jenkins.plugins.awsbatch.engine.events.GraphEventRules;
import io.jenkins.plugins.awsbatch.engine.events.LocalEventSink;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.notify.TargetSenders;
import io.jenkins.plugins.awsbatch.engine.notify.WebhookHttpClients;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** {@code local-batch --events-to URL --notify FILE}: the endpoint's job state change events, served. */
final class LocalBatchEvents {
    private LocalBatchEvents() {}

    /** @return the sink, or null when neither option is given */
    static LocalEventSink attach(LocalBatchService service, List<String> urls, List<Path> graphs, PrintStream err) {
        if (urls.isEmpty() && graphs.isEmpty()) {
            return null;
        }
        LocalEventSink sink = LocalEventSink.attach(service, Json.mapper());
        for (String url : urls) {
            EventWebhook webhook;
            try {
                webhook = new EventWebhook(URI.create(url), WebhookHttpClients.create(null), err::println);
            } catch (IllegalArgumentException e) {
                sink.close(0);
                throw new CliException("--events-to must be an http(s) URL", BatchGraphCli.EXIT_INVALID);
            }
            sink.subscribe(webhook);
            err.println("job state change events: POST to " + webhook.target());
        }
        RunListener lines = new RunListener() {
            @Override
            public void message(String line) {
                err.println(line);
            }
        };
        for (Path file : graphs) {
            GraphSpec graph = RunCommand.GraphLoader.load(file, List.of(), null, null);
            sink.subscribe(new EventNotifier(
                    graph,
                    GraphEventRules.localQueueArns(graph, service.config().region()),
                    TargetSenders.builder().build(),
                    lines,
                    Json.mapper()));
            err.println("job state change events: failures of graph " + graph.name() + " go to its notify targets");
        }
        return sink;
    }
}
