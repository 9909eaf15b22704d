package io.jenkins.plugins.awsbatch.notify;

import io.jenkins.plugins.awsbatch.engine.batch.aws.ProxySettings;
import io.jenkins.plugins.awsbatch.engine.graph.NotifySpec;
import io.jenkins.plugins.awsbatch.engine.notify.DeliveryResult;
import io.jenkins.plugins.awsbatch.engine.notify.Notifier;
import io.jenkins.plugins.awsbatch.engine.notify.SenderFactory;
import io.jenkins.plugins.awsbatch.engine.notify.SnsClients;
import io.jenkins.plugins.awsbatch.engine.notify.TargetSenders;
import io.jenkins.plugins.awsbatch.engine.notify.WebhookHttpClients;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sends a finished run's notifications from a step: the engine's {@link Notifier} with the Jenkins side's
 * secrets (Slack {@code credentialsId} from secret-text credentials), the build URL as link, SNS through the
 * run's AWS clients, and {@code webhookUrlEnv}/{@code passwordEnv} from the step's environment (e.g. a
 * {@code withCredentials} block). One line per target goes to the console; nothing here throws or changes the
 * build's result, and no secret is printed (the engine's senders redact them).
 */
public final class StepNotifications {
    private StepNotifications() {}

    /**
     * @param environment the step's environment (for {@code webhookUrlEnv} and {@code passwordEnv})
     * @param sns         the run's SNS clients, made only when an SNS target is notified; may be null
     * @param proxy       the HTTP proxy for Slack, or null for the JVM's settings
     * @param console     where each delivery line goes
     */
    public static List<DeliveryResult> send(
            RunResult result,
            NotifySpec spec,
            NotifyLookups lookups,
            Map<String, String> environment,
            SnsClients sns,
            ProxySettings proxy,
            Consumer<String> console) {
        if (result == null
                || spec == null
                || Notifier.targetsFor(spec, result.outcome()).isEmpty()) {
            return List.of();
        }
        NotifyLookups l = lookups == null ? NotifyLookups.NONE : lookups;
        Map<String, String> env = environment == null ? Map.of() : environment;
        try {
            SenderFactory senders = new MailerServerOnly(
                    l.smtpDefaults(),
                    defaults -> TargetSenders.builder()
                            .env(env::get)
                            .credentials(id -> {
                                try {
                                    return l.secretText(id);
                                } catch (RuntimeException e) {
                                    return null; // reported by the sender as "no such secret text credentials"
                                }
                            })
                            .smtpDefaults(defaults)
                            .sns(sns)
                            .http(() -> WebhookHttpClients.create(proxy))
                            .build());
            String link;
            try {
                link = l.buildUrl();
            } catch (RuntimeException e) {
                link = null;
            }
            RunListener listener = new RunListener() {
                @Override
                public void message(String line) {
                    console.accept(line);
                }
            };
            return new Notifier(senders, listener).notify(result, spec, link);
        } catch (RuntimeException e) {
            // Notifier itself never throws; this guards the wiring. Only the type: a message might hold anything.
            console.accept("notifications FAILED (the run's outcome is unchanged): "
                    + e.getClass().getName());
            return List.of();
        }
    }
}
