package io.jenkins.plugins.awsbatch;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsStore;
import hudson.model.ModelObject;

/** The credentials store a JenkinsRule test adds credentials to: the one a context owns (not an inherited one). */
final class CredentialsStores {
    private CredentialsStores() {}

    /** Jenkins' own (system) store, or a folder's own store. */
    static CredentialsStore ownedBy(ModelObject context) {
        for (CredentialsStore store : CredentialsProvider.lookupStores(context)) {
            if (store.getContext() == context) {
                return store;
            }
        }
        throw new AssertionError("no credentials store of its own in " + context);
    }
}
