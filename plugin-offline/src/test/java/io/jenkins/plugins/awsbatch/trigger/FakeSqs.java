package io.jenkins.plugins.awsbatch.trigger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * An SQS queue in memory: every receive returns the messages not yet deleted (as if their visibility timeout
 * had passed), each with a fresh receipt handle; delete removes by receipt handle. Like the SDK's sync clients
 * (their {@code InterruptMonitor}), a call made by an interrupted thread fails with {@link AbortedException}.
 */
final class FakeSqs implements SqsClient {
    private final Map<String, String> bodies = new LinkedHashMap<>();
    private final Map<String, String> receipts = new LinkedHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    final AtomicInteger receives = new AtomicInteger();
    final AtomicInteger deletes = new AtomicInteger();
    volatile boolean closed;

    synchronized String send(String body) {
        String id = "m-" + ids.incrementAndGet();
        bodies.put(id, body);
        return id;
    }

    synchronized int size() {
        return bodies.size();
    }

    @Override
    public synchronized ReceiveMessageResponse receiveMessage(ReceiveMessageRequest request) {
        abortIfInterrupted();
        receives.incrementAndGet();
        int max = request.maxNumberOfMessages() == null ? 1 : request.maxNumberOfMessages();
        List<Message> out = new ArrayList<>();
        for (Map.Entry<String, String> e : bodies.entrySet()) {
            if (out.size() >= max) {
                break;
            }
            String receipt = e.getKey() + "-r" + receives.get();
            receipts.put(receipt, e.getKey());
            out.add(Message.builder()
                    .messageId(e.getKey())
                    .receiptHandle(receipt)
                    .body(e.getValue())
                    .build());
        }
        return ReceiveMessageResponse.builder().messages(out).build();
    }

    @Override
    public synchronized DeleteMessageResponse deleteMessage(DeleteMessageRequest request) {
        abortIfInterrupted();
        deletes.incrementAndGet();
        String id = receipts.remove(request.receiptHandle());
        if (id != null) {
            bodies.remove(id);
        }
        return DeleteMessageResponse.builder().build();
    }

    private static void abortIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw AbortedException.create("Thread was interrupted");
        }
    }

    @Override
    public String serviceName() {
        return "sqs";
    }

    @Override
    public void close() {
        closed = true;
    }
}
