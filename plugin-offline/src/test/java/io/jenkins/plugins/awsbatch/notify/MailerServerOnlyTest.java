package io.jenkins.plugins.awsbatch.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.notify.DeliveryResult;
import io.jenkins.plugins.awsbatch.engine.notify.Secret;
import io.jenkins.plugins.awsbatch.engine.notify.TargetSenders.SmtpDefaults;
import io.jenkins.plugins.awsbatch.offline.FakeListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mailer's SMTP credentials reach Mailer's own server only: a step's email target naming another host, port or
 * security is sent without them (the SMTP server below records every command it is sent).
 */
@Timeout(60)
class MailerServerOnlyTest {
    private static final Secret PASSWORD = new Secret("mailer-s3cret", "Mailer's SMTP password");
    private SmtpRecorder smtp;

    @BeforeEach
    void start() throws IOException {
        smtp = new SmtpRecorder();
    }

    @AfterEach
    void stop() throws IOException {
        smtp.close();
    }

    private List<DeliveryResult> send(SmtpDefaults mailer, Map<String, Object> email) {
        NotifyLookups lookups = new NotifyLookups() {
            @Override
            public SmtpDefaults smtpDefaults() {
                return mailer;
            }

            @Override
            public Secret secretText(String credentialsId) {
                return null;
            }

            @Override
            public String buildUrl() {
                return "https://jenkins.example.com/job/recommendations/42/";
            }
        };
        FakeListener console = new FakeListener();
        List<DeliveryResult> results = StepNotifications.send(
                StepNotificationsTest.failedRun(),
                NotifyArguments.parse(Map.of("onFailure", Map.of("email", email))),
                lookups,
                Map.of(),
                null,
                null,
                console.getLogger()::println);
        assertThat(console.text()).doesNotContain(PASSWORD.value());
        return results;
    }

    @Test
    void aTargetOnMailersOwnServerUsesMailersCredentials() {
        SmtpDefaults mailer =
                new SmtpDefaults("127.0.0.1", smtp.port(), "none", "jenkins", PASSWORD, null, "jenkins@example.com");

        List<DeliveryResult> results = send(mailer, Map.of("to", List.of("team@example.com")));

        assertThat(results)
                .singleElement()
                .satisfies(r -> assertThat(r.delivered()).isTrue());
        assertThat(smtp.commands()).anySatisfy(c -> assertThat(c).startsWith("AUTH"));
    }

    @Test
    void aTargetNamingAnotherServerNeverGetsMailersCredentials() {
        SmtpDefaults mailer =
                new SmtpDefaults("smtp.example.invalid", 465, "SSL", "jenkins", PASSWORD, null, "jenkins@example.com");

        List<DeliveryResult> results = send(
                mailer,
                Map.of(
                        "to",
                        List.of("team@example.com"),
                        "smtpHost",
                        "127.0.0.1",
                        "smtpPort",
                        smtp.port(),
                        "security",
                        "none"));

        assertThat(results)
                .singleElement()
                .satisfies(r -> assertThat(r.delivered()).isTrue());
        assertThat(smtp.commands())
                .anySatisfy(c -> assertThat(c).startsWith("MAIL FROM"))
                .noneSatisfy(c -> assertThat(c).startsWith("AUTH"));
    }

    @Test
    void mailersHostWithWeakerSecurityIsAnotherServer() {
        SmtpDefaults mailer = new SmtpDefaults(
                "127.0.0.1", smtp.port(), "STARTTLS", "jenkins", PASSWORD, null, "jenkins@example.com");

        List<DeliveryResult> results = send(mailer, Map.of("to", List.of("team@example.com"), "security", "none"));

        assertThat(results)
                .singleElement()
                .satisfies(r -> assertThat(r.delivered()).isTrue());
        assertThat(smtp.commands()).noneSatisfy(c -> assertThat(c).startsWith("AUTH"));
    }

    /** A plain SMTP server on 127.0.0.1 that offers AUTH PLAIN, accepts everything and records each command. */
    static final class SmtpRecorder implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        private final List<String> commands = new CopyOnWriteArrayList<>();

        SmtpRecorder() throws IOException {
            Thread thread = new Thread(this::serve, "smtp-recorder");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        List<String> commands() {
            return commands;
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    talk(s);
                } catch (IOException e) {
                    // closed
                }
            }
        }

        private void talk(Socket s) throws IOException {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            reply(out, "220 localhost ESMTP");
            boolean data = false;
            String line;
            while ((line = in.readLine()) != null) {
                if (data) {
                    if (line.equals(".")) {
                        data = false;
                        reply(out, "250 OK");
                    }
                    continue;
                }
                commands.add(line);
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, "250-localhost\r\n250 AUTH PLAIN");
                } else if (command.equals("AUTH PLAIN")) {
                    reply(out, "334 ");
                    commands.add(in.readLine());
                    reply(out, "235 2.7.0 Authentication successful");
                } else if (command.startsWith("AUTH")) {
                    reply(out, "235 2.7.0 Authentication successful");
                } else if (command.startsWith("DATA")) {
                    data = true;
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 Bye");
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        }

        private static void reply(OutputStream out, String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
