package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.ListenableFuture;
import edu.umd.cs.findbugs.annotations.Nullable;
import java.io.IOException;
import java.io.Serializable;

// mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/StepContext.java
public abstract class StepContext implements FutureCallback<Object>, Serializable {

    // mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/StepContext.java
    public abstract @Nullable <T> T get(Class<T> key) throws IOException, InterruptedException;

    // mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/StepContext.java
    @Override
    public abstract void onSuccess(@Nullable Object result);

    // mirrors jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/StepContext.java
    public abstract ListenableFuture<Void> saveState();
}
