package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.ModelObject;
import hudson.model.Run;
import hudson.security.Permission;
import java.util.List;
import org.jenkins.ui.icon.IconSpec;
import org.springframework.security.core.Authentication;

// mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java
public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
        implements ExtensionPoint, Describable<CredentialsProvider>, IconSpec {

    // mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java
    public static final Permission USE_ITEM = null;

    // mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java
    public CredentialsProvider() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java
    @NonNull
    public static <C extends Credentials> List<C> lookupCredentialsInItem(
            @NonNull Class<C> type, @Nullable Item item, @Nullable Authentication authentication) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java
    @CheckForNull
    public static <C extends IdCredentials> C findCredentialById(
            @NonNull String id, @NonNull Class<C> type, @NonNull Run<?, ?> run) {
        throw new UnsupportedOperationException("shim");
    }

    /**
     * @deprecated Use {@code findCredentialById(String, Class, Run, List)} instead.
     */
    // mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java
    // (upstream: javadoc @deprecated only, no @Deprecated annotation and no @CheckForNull)
    public static <C extends IdCredentials> C findCredentialById(
            @NonNull String id,
            @NonNull Class<C> type,
            @NonNull Run<?, ?> run,
            DomainRequirement... domainRequirements) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java
    @CheckForNull
    public static <C extends Credentials> C track(@NonNull Run build, @CheckForNull C credentials) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java
    @CheckForNull
    public static <C extends IdCredentials> C findCredentialByIdInItem(
            @NonNull String id,
            @NonNull Class<C> type,
            @Nullable Item item,
            @Nullable Authentication authentication,
            @Nullable List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java
    public static Iterable<CredentialsStore> lookupStores(final ModelObject context) {
        throw new UnsupportedOperationException("shim");
    }
}
