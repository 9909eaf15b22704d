package io.jenkins.plugins.awsbatch.engine.notify;

import io.jenkins.plugins.awsbatch.engine.batch.aws.ProxySettings;
import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The HTTP client for webhooks. Without explicit settings it uses the JVM's default {@link ProxySelector},
 * which honours {@code https.proxyHost}/{@code http.proxyHost}/{@code http.nonProxyHosts}; with
 * {@link ProxySettings} (the run's AWS proxy, or Jenkins' proxy configuration) it goes through that proxy.
 */
public final class WebhookHttpClients {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private WebhookHttpClients() {}

    public static HttpClient create(ProxySettings proxy) {
        HttpClient.Builder builder =
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER);
        if (proxy == null) {
            ProxySelector system = ProxySelector.getDefault();
            if (system != null) {
                builder.proxy(system);
            }
            return builder.build();
        }
        builder.proxy(new FixedProxySelector(proxy));
        if (proxy.username() != null && proxy.password() != null) {
            builder.authenticator(new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return getRequestorType() == RequestorType.PROXY
                            ? new PasswordAuthentication(
                                    proxy.username(), proxy.password().toCharArray())
                            : null;
                }
            });
        }
        return builder.build();
    }

    /** One proxy for every host except the non-proxy ones (exact names, or "*.suffix"). */
    private static final class FixedProxySelector extends ProxySelector {
        private final ProxySettings settings;
        private final Proxy proxy;

        FixedProxySelector(ProxySettings settings) {
            this.settings = settings;
            int port = settings.endpoint().getPort() > 0
                    ? settings.endpoint().getPort()
                    : "https".equals(settings.endpoint().getScheme()) ? 443 : 80;
            this.proxy = new Proxy(
                    Proxy.Type.HTTP,
                    InetSocketAddress.createUnresolved(settings.endpoint().getHost(), port));
        }

        @Override
        public List<Proxy> select(URI uri) {
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            for (String pattern : settings.nonProxyHosts()) {
                String p = pattern.toLowerCase(Locale.ROOT);
                if (p.equals(host) || (p.startsWith("*") && host.endsWith(p.substring(1)))) {
                    return List.of(Proxy.NO_PROXY);
                }
            }
            return List.of(proxy);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            // nothing to fall back to: the failure reaches the sender, which reports it
        }
    }
}
