package io.jenkins.plugins.awsbatch.engine.notify;

/** Delivers a message on one channel to one configured target. */
public interface NotificationSender {

    /** Where it goes, safe to print: never a secret. */
    String target();

    /** @return a short confirmation (e.g. SNS message id), may be empty */
    String send(NotificationMessage message) throws NotificationException;
}
