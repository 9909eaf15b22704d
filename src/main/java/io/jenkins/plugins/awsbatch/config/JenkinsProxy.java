package io.jenkins.plugins.awsbatch.config;

import hudson.ProxyConfiguration;
import hudson.util.Secret;
import io.jenkins.plugins.awsbatch.engine.batch.aws.ProxySettings;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import jenkins.model.Jenkins;

/**
 * Jenkins' HTTP proxy (Manage Jenkins » System » HTTP Proxy Configuration) as the engine's {@link ProxySettings},
 * for every AWS client and webhook of the plugin. The password stays out of every log and message.
 */
public final class JenkinsProxy {
    private JenkinsProxy() {}

    /** The proxy an administrator configured, or null for none (then the JVM's own proxy settings apply). */
    public static ProxySettings current() {
        ProxyConfiguration proxy = Jenkins.get().getProxy();
        if (proxy == null) {
            return null;
        }
        Secret password = proxy.getSecretPassword();
        return of(
                proxy.getName(),
                proxy.getPort(),
                proxy.getUserName(),
                password == null ? null : password.getPlainText(),
                proxy.getNoProxyHost());
    }

    /**
     * @param noProxyHost Jenkins' "No Proxy Host" field: names or {@code *.suffix} patterns separated by
     *                    blanks, new lines, commas or {@code |}
     * @return the settings, or null when no host is set
     */
    public static ProxySettings of(String host, int port, String user, String password, String noProxyHost) {
        if (host == null || host.isBlank()) {
            return null;
        }
        Set<String> direct = new LinkedHashSet<>();
        if (noProxyHost != null) {
            for (String s : noProxyHost.split("[ \t\r\n,|]+")) {
                if (!s.isEmpty()) {
                    direct.add(s);
                }
            }
        }
        String h = host.trim();
        URI endpoint = URI.create(
                "http://" + (h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h) + (port > 0 ? ":" + port : ""));
        return new ProxySettings(
                endpoint, blankToNull(user), user == null || user.isBlank() ? null : blankToNull(password), direct);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
