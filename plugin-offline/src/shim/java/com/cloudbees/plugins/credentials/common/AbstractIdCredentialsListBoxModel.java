package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import org.springframework.security.core.Authentication;

// mirrors
// jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/common/AbstractIdCredentialsListBoxModel.java
public abstract class AbstractIdCredentialsListBoxModel<
                T extends AbstractIdCredentialsListBoxModel<T, C>, C extends IdCredentials>
        extends ListBoxModel {

    // mirrors
    // jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/common/AbstractIdCredentialsListBoxModel.java
    @NonNull
    protected abstract String describe(@NonNull C c);

    // mirrors
    // jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/common/AbstractIdCredentialsListBoxModel.java
    @NonNull
    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors
    // jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/common/AbstractIdCredentialsListBoxModel.java
    public AbstractIdCredentialsListBoxModel<T, C> includeAs(
            @NonNull Authentication authentication, @Nullable Item context, @NonNull Class<? extends C> type) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors
    // jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/common/AbstractIdCredentialsListBoxModel.java
    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(@NonNull String value) {
        throw new UnsupportedOperationException("shim");
    }
}
