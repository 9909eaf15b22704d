package io.jenkins.plugins.awsbatch.engine.batch.aws;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every SDK call by operation name ({@code SubmitJob}, {@code PutObject}, {@code GetLogEvents}, ...):
 * {@code calls} once per call, whatever its retries; {@code attempts} once per HTTP attempt, so
 * {@code attempts - calls} is how many retries throttling and 5xx caused.
 */
public final class CallCountingInterceptor implements ExecutionInterceptor {
    /**
     * Set on a request the engine re-sends itself (SubmitJob, which the SDK must not retry): it is another attempt
     * of the same logical call, counted in {@code attempts} only.
     */
    public static final software.amazon.awssdk.core.interceptor.ExecutionAttribute<Boolean> ENGINE_RETRY =
            new software.amazon.awssdk.core.interceptor.ExecutionAttribute<>("batchgraph.engineRetry");

    private final CallCounter calls;
    private final CallCounter attempts;

    public CallCountingInterceptor(CallCounter calls, CallCounter attempts) {
        this.calls = calls;
        this.attempts = attempts;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!Boolean.TRUE.equals(attributes.getAttribute(ENGINE_RETRY))) {
            calls.count(operation(attributes));
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attempts.count(operation(attributes));
    }

    private static String operation(ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return name == null ? "Unknown" : name;
    }
}
