package io.jenkins.plugins.awsbatch.notify;

import io.jenkins.plugins.awsbatch.engine.notify.Secret;
import io.jenkins.plugins.awsbatch.engine.notify.TargetSenders;

/** What notifications need from Jenkins, behind a seam so they are tested without it. */
public interface NotifyLookups {

    /** A secret-text credentials' value by id, in the build's context; null when there is none. */
    Secret secretText(String credentialsId);

    /** The build's URL for the message's link; null when unknown (no Jenkins URL configured). */
    String buildUrl();

    /** Fallbacks for email fields a target leaves out. */
    default TargetSenders.SmtpDefaults smtpDefaults() {
        return TargetSenders.SmtpDefaults.NONE;
    }

    NotifyLookups NONE = new NotifyLookups() {
        @Override
        public Secret secretText(String credentialsId) {
            return null;
        }

        @Override
        public String buildUrl() {
            return null;
        }
    };
}
