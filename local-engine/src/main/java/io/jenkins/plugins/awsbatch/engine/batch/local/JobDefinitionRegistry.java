package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.BatchLimits;
import io.jenkins.plugins.awsbatch.engine.batch.JobDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Registered job definitions: revisions count up per name from 1; {@code name} resolves to the latest ACTIVE
 * revision, {@code name:rev} (or its ARN) to that revision; a deregistered revision is INACTIVE and no longer
 * accepted by SubmitJob. Thread-safe.
 */
final class JobDefinitionRegistry {
    private final Map<String, List<JobDefinitionInfo>> byName = new LinkedHashMap<>();
    private final String arnPrefix;
    private final Runnable onChange;

    JobDefinitionRegistry(String arnBase, Runnable onChange) {
        this.arnPrefix = arnBase + "job-definition/";
        this.onChange = onChange;
    }

    synchronized JobDefinition register(JobDefinition definition) {
        BatchLimits.require(BatchLimits.name(
                definition == null ? null : definition.name(), "Job definition name", "jobDefinitionName"));
        RetryEvaluator.validate(definition.retryStrategy());
        BatchLimits.require(BatchLimits.timeout(definition.timeoutSeconds(), "timeout.attemptDurationSeconds"));
        List<JobDefinitionInfo> revisions = byName.computeIfAbsent(definition.name(), n -> new ArrayList<>());
        JobDefinition registered = definition.withRevision(revisions.size() + 1);
        revisions.add(
                new JobDefinitionInfo(registered, arnPrefix + registered.nameWithRevision(), JobDefinitionInfo.ACTIVE));
        onChange.run();
        return registered;
    }

    /** Resolves {@code name}, {@code name:rev} or an ARN to an ACTIVE revision. */
    synchronized JobDefinitionInfo resolve(String reference) {
        if (reference == null || reference.isBlank()) {
            throw ClientErrors.missing("jobDefinition");
        }
        JobDefinitionInfo found = find(reference);
        if (found == null || !found.isActive()) {
            throw ClientErrors.unknownDefinition(reference);
        }
        return found;
    }

    synchronized void deregister(String reference) {
        JobDefinitionInfo found = find(reference);
        if (found == null) {
            throw ClientErrors.unknownDefinition(reference);
        }
        List<JobDefinitionInfo> revisions = byName.get(found.definition().name());
        int index = found.definition().revision() - 1;
        revisions.set(index, new JobDefinitionInfo(found.definition(), found.arn(), JobDefinitionInfo.INACTIVE));
        onChange.run();
    }

    /** Edits the tags of the revision with this ARN (ACTIVE or INACTIVE); returns the result. */
    synchronized Map<String, String> editTags(String arn, Consumer<Map<String, String>> edit) {
        JobDefinitionInfo found = byArn(arn);
        Map<String, String> tags = new LinkedHashMap<>(found.definition().tags());
        edit.accept(tags);
        JobDefinition d = found.definition();
        JobDefinition retagged = new JobDefinition(
                d.name(),
                d.revision(),
                d.image(),
                d.command(),
                d.environment(),
                d.parameters(),
                d.retryStrategy(),
                d.timeoutSeconds(),
                d.resourceRequirements(),
                tags,
                d.propagateTags());
        byName.get(d.name()).set(d.revision() - 1, new JobDefinitionInfo(retagged, found.arn(), found.status()));
        onChange.run();
        return Map.copyOf(tags);
    }

    synchronized Map<String, String> tagsOf(String arn) {
        return byArn(arn).definition().tags();
    }

    private JobDefinitionInfo byArn(String arn) {
        JobDefinitionInfo found = arn.startsWith(arnPrefix) ? find(arn) : null;
        if (found == null || !found.arn().equals(arn)) {
            throw ClientErrors.unknownDefinition(arn);
        }
        return found;
    }

    /** Every revision, or those of the named definitions ({@code name}, {@code name:rev} or ARN). */
    synchronized List<JobDefinitionInfo> describe(List<String> references) {
        List<JobDefinitionInfo> out = new ArrayList<>();
        if (references == null || references.isEmpty()) {
            byName.values().forEach(out::addAll);
            return out;
        }
        for (String reference : references) {
            String plain = QueueRegistry.nameOf(reference);
            int colon = plain.lastIndexOf(':');
            if (colon < 0) {
                out.addAll(byName.getOrDefault(plain, List.of()));
            } else {
                JobDefinitionInfo found = find(reference);
                if (found != null) {
                    out.add(found);
                }
            }
        }
        return out;
    }

    synchronized List<JobDefinitionInfo> all() {
        List<JobDefinitionInfo> out = new ArrayList<>();
        byName.values().forEach(out::addAll);
        return out;
    }

    synchronized void restore(List<JobDefinitionInfo> definitions) {
        byName.clear();
        for (JobDefinitionInfo info : definitions) {
            byName.computeIfAbsent(info.definition().name(), n -> new ArrayList<>())
                    .add(info);
        }
    }

    private JobDefinitionInfo find(String reference) {
        String plain = QueueRegistry.nameOf(reference);
        int colon = plain.lastIndexOf(':');
        if (colon < 0) {
            List<JobDefinitionInfo> revisions = byName.getOrDefault(plain, List.of());
            for (int i = revisions.size() - 1; i >= 0; i--) {
                if (revisions.get(i).isActive()) {
                    return revisions.get(i);
                }
            }
            return null;
        }
        List<JobDefinitionInfo> revisions = byName.getOrDefault(plain.substring(0, colon), List.of());
        try {
            int revision = Integer.parseInt(plain.substring(colon + 1));
            return revision >= 1 && revision <= revisions.size() ? revisions.get(revision - 1) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
