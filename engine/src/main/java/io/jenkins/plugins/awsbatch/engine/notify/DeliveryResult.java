package io.jenkins.plugins.awsbatch.engine.notify;

/**
 * What became of one target's message.
 *
 * @param target the target's safe description ("Slack webhook (from SLACK_WEBHOOK_URL)")
 * @param detail why it failed (free of secrets), or a short confirmation
 */
public record DeliveryResult(String target, boolean delivered, String detail) {

    public static DeliveryResult delivered(String target, String detail) {
        return new DeliveryResult(target, true, detail);
    }

    public static DeliveryResult failed(String target, String detail) {
        return new DeliveryResult(target, false, detail);
    }

    /** The line the run's output shows. */
    public String line() {
        return delivered
                ? "notification sent: " + target + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")")
                : "notification FAILED (the run's outcome is unchanged): " + detail;
    }
}
