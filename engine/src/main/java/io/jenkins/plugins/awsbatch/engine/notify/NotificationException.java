package io.jenkins.plugins.awsbatch.engine.notify;

/**
 * A message could not be delivered. Its message names the target by its safe description and is already
 * free of secrets; it carries no cause, since causes (HttpClient's, Jakarta Mail's) may embed the secret URL.
 */
public class NotificationException extends Exception {
    public NotificationException(String message) {
        super(message, null, false, false);
    }
}
