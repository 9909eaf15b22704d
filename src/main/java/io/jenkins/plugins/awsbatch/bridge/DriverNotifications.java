package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsSettings;
import io.jenkins.plugins.awsbatch.engine.batch.aws.CredentialsSpec;
import io.jenkins.plugins.awsbatch.engine.graph.NotifySpec;
import io.jenkins.plugins.awsbatch.engine.notify.SnsClients;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.exec.DriverContext;
import io.jenkins.plugins.awsbatch.exec.GraphRequest;
import io.jenkins.plugins.awsbatch.exec.Settings;
import io.jenkins.plugins.awsbatch.notify.JenkinsNotifyLookups;
import io.jenkins.plugins.awsbatch.notify.NotifyArguments;
import io.jenkins.plugins.awsbatch.notify.StepNotifications;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The notifications of a step whose run just ended: the step's {@code notify:} argument, else the graph file's
 * {@code notify:} block. SNS goes through the run's AWS clients (or, on the local engine, clients made with the
 * step's region and credentials, closed afterwards). Returns the console lines; never throws.
 */
final class DriverNotifications {
    private DriverNotifications() {}

    static List<String> send(
            GraphRequest request,
            DriverContext context,
            Settings settings,
            RunState state,
            RunResult result,
            RunEngine engine) {
        List<String> lines = new ArrayList<>();
        AwsClients[] made = {null};
        try {
            NotifySpec spec = NotifyArguments.parse(request.getArguments().get("notify"));
            if (spec == null && state != null && state.graph != null) {
                spec = state.graph.notifications();
            }
            if (spec == null) {
                return lines;
            }
            SnsClients sns = topicRegion -> {
                if (engine != null && engine.resources() instanceof AwsClients clients) {
                    return clients.sns(topicRegion);
                }
                if (made[0] != null) {
                    return made[0].sns(topicRegion);
                }
                Object resolved = context.getCredentials();
                CredentialsSpec credentials = resolved instanceof AwsCredentialsProvider p
                        ? new CredentialsSpec.Provided(p, "credentials of the build")
                        : null;
                made[0] = AwsClients.create(
                        AwsSettings.builder()
                                .region(
                                        settings.getRegion() != null
                                                ? settings.getRegion()
                                                : state == null || state.graph == null ? null : state.graph.region())
                                .endpointUrl(settings.getEndpointUrl())
                                .credentials(credentials)
                                .proxy(context.getProxy())
                                .build(),
                        new CallCounter());
                return made[0].sns(topicRegion);
            };
            StepNotifications.send(
                    result,
                    spec,
                    new JenkinsNotifyLookups(context.getBuildId(), context.getEnvironment()),
                    context.getEnvironment(),
                    sns,
                    context.getProxy(),
                    lines::add);
        } catch (IllegalArgumentException e) {
            lines.add("notifications not sent (the run's outcome is unchanged): " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            lines.add("notifications FAILED (the run's outcome is unchanged): "
                    + e.getClass().getName());
        } finally {
            if (made[0] != null) {
                try {
                    made[0].close();
                } catch (RuntimeException ignored) {
                    // best effort
                }
            }
        }
        return lines;
    }
}
