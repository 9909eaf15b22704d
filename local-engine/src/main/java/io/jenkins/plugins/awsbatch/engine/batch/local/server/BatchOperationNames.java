package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.BatchRequest;
import software.amazon.awssdk.services.batch.model.BatchResponse;

/**
 * Every AWS Batch operation's name by its path label ({@code createschedulingpolicy} → CreateSchedulingPolicy),
 * read from the SDK's {@link BatchClient} so the list follows the API without being copied here; lets the
 * endpoint name an operation it does not implement.
 */
final class BatchOperationNames {
    private static final Map<String, String> BY_PATH = load();

    private BatchOperationNames() {}

    /** The operation served at {@code POST /v1/<label>}, if AWS Batch has one. */
    static Optional<String> byPathLabel(String label) {
        return Optional.ofNullable(BY_PATH.get(label.toLowerCase(Locale.ROOT)));
    }

    private static Map<String, String> load() {
        Map<String, String> names = new TreeMap<>();
        for (Method method : BatchClient.class.getMethods()) {
            if (method.getParameterCount() == 1
                    && BatchRequest.class.isAssignableFrom(method.getParameterTypes()[0])
                    && BatchResponse.class.isAssignableFrom(method.getReturnType())) {
                String name = Character.toUpperCase(method.getName().charAt(0))
                        + method.getName().substring(1);
                names.put(name.toLowerCase(Locale.ROOT), name);
            }
        }
        return Map.copyOf(names);
    }
}
