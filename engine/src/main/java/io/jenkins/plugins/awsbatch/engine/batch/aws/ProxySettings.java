package io.jenkins.plugins.awsbatch.engine.batch.aws;

import java.net.URI;
import java.util.Set;

/**
 * An HTTP(S) proxy for every AWS call of a run. The password never appears in {@link #toString()}.
 *
 * @param endpoint      {@code http://host:port}
 * @param username      optional
 * @param password      optional
 * @param nonProxyHosts hosts reached directly (e.g. {@code 169.254.169.254}, {@code localhost})
 */
public record ProxySettings(URI endpoint, String username, String password, Set<String> nonProxyHosts) {

    public ProxySettings {
        if (endpoint == null || endpoint.getHost() == null) {
            throw new IllegalArgumentException(
                    "proxy must be a URL like http://proxy.example.com:3128, was " + endpoint);
        }
        nonProxyHosts = nonProxyHosts == null ? Set.of() : Set.copyOf(nonProxyHosts);
    }

    public static ProxySettings of(String url) {
        return new ProxySettings(URI.create(url), null, null, Set.of());
    }

    @Override
    public String toString() {
        return "ProxySettings[endpoint=" + endpoint + ", username=" + (username == null ? "none" : username)
                + ", password=" + (password == null ? "none" : "****") + ", nonProxyHosts=" + nonProxyHosts + "]";
    }
}
