package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.DependencyType;
import io.jenkins.plugins.awsbatch.engine.batch.JobDependency;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a job's dependencies against the table and wires it to them: a single job waits for every job it
 * depends on; each child of an array (created here, as it is wired on its own) waits for the jobs depended on
 * whole, its N_TO_N counterparts (same index) and, SEQUENTIAL, the child before it. Holds no state of its own;
 * it is called only from the scheduler's synchronized methods, under its lock, as the table and states are.
 */
final class DependencyWiring {
    /** A spec's dependencies: the jobs waited for whole, the arrays waited for index by index, SEQUENTIAL or not. */
    record Resolved(List<LocalJob> whole, List<LocalJob> nToN, boolean sequential) {}

    private final JobTable table;
    private final JobStateMachine states;

    DependencyWiring(JobTable table, JobStateMachine states) {
        this.table = table;
        this.states = states;
    }

    /** The jobs {@code spec} depends on; a client error for an unknown job or an N_TO_N array of another size. */
    Resolved resolve(JobSpec spec) {
        List<LocalJob> whole = new ArrayList<>();
        List<LocalJob> nToN = new ArrayList<>();
        boolean sequential = false;
        for (JobDependency dependency : spec.dependsOn()) {
            if (dependency.type() == DependencyType.SEQUENTIAL && dependency.jobId() == null) {
                sequential = spec.arraySize() != null;
                continue;
            }
            LocalJob target = table.get(dependency.jobId());
            if (target == null) {
                throw ClientErrors.unknownDependency(dependency.jobId());
            }
            if (dependency.type() == DependencyType.SEQUENTIAL) {
                sequential = spec.arraySize() != null;
                whole.add(target);
            } else if (dependency.type() == DependencyType.N_TO_N
                    && spec.arraySize() != null
                    && target.isArrayParent()) {
                if (target.children.length != spec.arraySize()) {
                    throw ClientErrors.nToNSizeMismatch(target.jobId(), spec.arraySize(), target.children.length);
                }
                nToN.add(target);
            } else {
                whole.add(target);
            }
        }
        return new Resolved(whole, nToN, sequential);
    }

    /** Wires a job just added to the table; an array gets its children, each added and wired. */
    void wireNew(LocalJob job, Resolved dependencies) {
        if (job.spec.arraySize() == null) {
            states.wire(job, allOf(dependencies));
        } else {
            admitArray(job, dependencies);
        }
    }

    /** Wires a restored job that still waits (SUBMITTED or PENDING, its own or its parent's spec resolved again). */
    void rewire(LocalJob job) {
        LocalJob top = job.isChild() ? job.parent : job;
        Resolved dependencies = resolve(top.spec);
        if (job.isChild()) {
            states.wire(job, prerequisitesOfChild(job.parent, job.index, dependencies));
        } else {
            states.wire(job, allOf(dependencies));
        }
    }

    private void admitArray(LocalJob parent, Resolved dependencies) {
        int size = parent.spec.arraySize();
        parent.children = new LocalJob[size];
        parent.statusSummary = new int[JobStatus.values().length];
        parent.statusSummary[JobStatus.SUBMITTED.ordinal()] = size;
        states.moveTo(parent, JobStatus.PENDING);
        for (int i = 0; i < size; i++) {
            LocalJob child = LocalJob.childOf(parent, i);
            parent.children[i] = child;
            table.add(child);
        }
        for (int i = 0; i < size; i++) {
            states.wire(parent.children[i], prerequisitesOfChild(parent, i, dependencies));
        }
    }

    private static List<LocalJob> allOf(Resolved dependencies) {
        List<LocalJob> all = new ArrayList<>(dependencies.whole());
        all.addAll(dependencies.nToN());
        return all;
    }

    private static List<LocalJob> prerequisitesOfChild(LocalJob parent, int index, Resolved dependencies) {
        List<LocalJob> prerequisites = new ArrayList<>(
                dependencies.whole().size() + dependencies.nToN().size() + 1);
        prerequisites.addAll(dependencies.whole());
        for (LocalJob array : dependencies.nToN()) {
            prerequisites.add(array.children[index]);
        }
        if (dependencies.sequential() && index > 0) {
            prerequisites.add(parent.children[index - 1]);
        }
        return prerequisites;
    }
}
