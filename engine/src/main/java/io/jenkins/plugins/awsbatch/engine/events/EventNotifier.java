package io.jenkins.plugins.awsbatch.engine.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.NotifyTarget;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.notify.NotificationException;
import io.jenkins.plugins.awsbatch.engine.notify.NotificationMessage;
import io.jenkins.plugins.awsbatch.engine.notify.Notifier;
import io.jenkins.plugins.awsbatch.engine.notify.SenderFactory;
import io.jenkins.plugins.awsbatch.engine.notify.StageSummary;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the graph's rule and topic do on AWS, done here: an event its pattern matches ({@link BatchEventPattern})
 * becomes one message, from the same fields the rule's input transformer picks ({@link EventMessageTemplate}),
 * sent to the graph's {@code onFailure} targets (FAILED) or {@code onSuccess} targets (SUCCEEDED) through the
 * engine's own senders. One line per delivery on the listener; a target that fails is a line, never an exception.
 */
public final class EventNotifier implements Consumer<ObjectNode> {
    private final GraphSpec graph;
    private final BatchEventPattern pattern;
    private final EventMessageTemplate template;
    private final SenderFactory senders;
    private final RunListener listener;
    private final ObjectMapper json;

    /** @param queueArns the ARNs of the graph's queues on the engine whose events come here */
    public EventNotifier(
            GraphSpec graph, List<String> queueArns, SenderFactory senders, RunListener listener, ObjectMapper json) {
        EventRuleSpec spec = EventRuleSpec.forGraph(graph, queueArns, List.of());
        this.graph = graph;
        this.pattern = new BatchEventPattern(spec);
        this.template = new EventMessageTemplate(graph.name());
        this.senders = senders;
        this.listener = listener == null ? RunListener.NONE : listener;
        this.json = json;
    }

    @Override
    public void accept(ObjectNode event) {
        if (!pattern.matches(event)) {
            return;
        }
        NotificationMessage message = messageOf(event);
        for (NotifyTarget target : Notifier.targetsFor(graph.notifications(), message.outcome())) {
            try {
                var sender = senders.create(target);
                sender.send(message);
                listener.message("job event sent: " + sender.target() + " (" + message.headline() + ")");
            } catch (NotificationException e) {
                listener.message("job event NOT sent: " + e.getMessage());
            } catch (RuntimeException e) {
                listener.message("job event NOT sent: " + SenderFactory.describe(target) + ": unexpected "
                        + e.getClass().getName());
            }
        }
    }

    /** The transformed event as a notification: the job's run and stage, its counts, reason and link. */
    NotificationMessage messageOf(JsonNode event) {
        ObjectNode fields = template.render(event, json);
        JsonNode detail = event.path("detail");
        String jobName = fields.path("jobName").asText();
        String stage = stageOf(jobName);
        String runId = stage == null
                ? jobName
                : jobName.substring(0, jobName.lastIndexOf("-" + EventRuleSpec.cleanName(stage) + "-"));
        Outcome outcome = "SUCCEEDED".equals(fields.path("status").asText()) ? Outcome.SUCCEEDED : Outcome.FAILED;
        Map<String, Integer> counts = new LinkedHashMap<>();
        detail.path("arrayProperties").path("statusSummary").fields().forEachRemaining(e -> {
            if (e.getValue().asInt() > 0) {
                counts.put(e.getKey(), e.getValue().asInt());
            }
        });
        long failed = counts.getOrDefault("FAILED", outcome == Outcome.FAILED && counts.isEmpty() ? 1 : 0);
        String reason = fields.path("statusReason").asText();
        String stageName = stage == null ? jobName : stage;
        StageSummary summary = new StageSummary(stageName, outcome.name(), reason, counts, failed, "", List.of(), 0);
        String headline = graph.name() + " " + outcome + ": " + stageName + " job " + jobName
                + (reason.isEmpty() ? "" : ": " + reason)
                + (failed > 0 && !counts.isEmpty() ? " (" + failed + " failed)" : "");
        long duration =
                detail.path("stoppedAt").asLong(0) - detail.path("createdAt").asLong(0);
        String link = "local".equals(event.path("region").asText())
                ? null
                : fields.path("console").asText();
        return new NotificationMessage(
                runId,
                graph.name(),
                outcome,
                Math.max(0, duration),
                link,
                headline,
                reason.isEmpty() ? null : reason,
                List.of(summary));
    }

    /** The stage whose job name this is ({@code <run>-<stage>-<part>}), the longest that fits; null if none. */
    private String stageOf(String jobName) {
        String best = null;
        for (StageSpec stage : graph.stages()) {
            String marker = "-" + EventRuleSpec.cleanName(stage.name()) + "-";
            if (jobName.contains(marker) && (best == null || stage.name().length() > best.length())) {
                best = stage.name();
            }
        }
        return best;
    }
}
