package io.jenkins.plugins.awsbatch.engine.notify;

import io.jenkins.plugins.awsbatch.engine.graph.NotifySpec;
import io.jenkins.plugins.awsbatch.engine.graph.NotifyTarget;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends one message per run to the targets configured for its outcome ({@code onFailure} for FAILED and
 * ABORTED, {@code onUnstable}, {@code onSuccess}). Never throws and never touches the result: a target that
 * cannot be reached is a {@link DeliveryResult} and a line on the listener, while the run's outcome and its
 * own failure stay what they were.
 */
public final class Notifier {
    private final SenderFactory senders;
    private final RunListener listener;

    public Notifier(SenderFactory senders, RunListener listener) {
        this.senders = senders;
        this.listener = listener == null ? RunListener.NONE : listener;
    }

    /** The targets a run with this outcome notifies. */
    public static List<NotifyTarget> targetsFor(NotifySpec spec, Outcome outcome) {
        if (spec == null || outcome == null) {
            return List.of();
        }
        return switch (outcome) {
            case FAILED, ABORTED -> spec.onFailure();
            case UNSTABLE -> spec.onUnstable();
            case SUCCEEDED -> spec.onSuccess();
        };
    }

    /**
     * @param buildUrl the Jenkins build URL, or null (the message links to the run's URI then)
     * @return one result per target notified, in configuration order; empty when none is configured
     */
    public List<DeliveryResult> notify(RunResult result, NotifySpec spec, String buildUrl) {
        List<NotifyTarget> targets = targetsFor(spec, result.outcome());
        if (targets.isEmpty()) {
            return List.of();
        }
        NotificationMessage message = NotificationMessage.from(result, buildUrl);
        List<DeliveryResult> results = new ArrayList<>();
        for (NotifyTarget target : targets) {
            DeliveryResult delivery = deliver(target, message);
            listener.message(delivery.line());
            results.add(delivery);
        }
        return List.copyOf(results);
    }

    private DeliveryResult deliver(NotifyTarget target, NotificationMessage message) {
        String name = SenderFactory.describe(target);
        try {
            NotificationSender sender = senders.create(target);
            name = sender.target();
            return DeliveryResult.delivered(name, sender.send(message));
        } catch (NotificationException e) {
            return DeliveryResult.failed(name, e.getMessage());
        } catch (RuntimeException e) {
            // Not one of ours: its message may hold anything, a secret included, so only its type is shown.
            return DeliveryResult.failed(
                    name, name + ": unexpected " + e.getClass().getName());
        }
    }
}
