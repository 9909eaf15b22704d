package io.jenkins.plugins.awsbatch.steps;

import io.jenkins.plugins.awsbatch.exec.PlainData;
import io.jenkins.plugins.awsbatch.notify.NotifyArguments;
import org.kohsuke.stapler.DataBoundSetter;

/** A step whose run ends in one notification per configured target ({@code notify:}). */
public abstract class AbstractNotifyingStep extends AbstractWaitingStep {
    private Object notify;

    public Object getNotify() {
        return notify;
    }

    /**
     * {@code [onFailure: [slack: 'cred-id', email: 'team@x', sns: 'arn:...']]}: one message per run; replaces a graph
     * file's {@code notify:} block.
     */
    @DataBoundSetter
    public void setNotify(Object notify) {
        Object value = FormText.structured(notify);
        NotifyArguments.parse(value); // names the bad field before anything runs
        this.notify = PlainData.copy(value, "notify");
    }
}
