package io.jenkins.plugins.awsbatch.offline;

import hudson.model.Action;
import hudson.model.Result;
import hudson.model.Run;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A build that records its result and actions. */
public final class FakeRun extends Run<FakeJob, FakeRun> {
    private final List<Action> actions = new CopyOnWriteArrayList<>();
    private volatile Result result;
    private final File rootDir;

    public FakeRun(File rootDir) throws IOException {
        super(new FakeJob());
        this.rootDir = rootDir;
    }

    @Override
    public Result getResult() {
        return result;
    }

    /** Like the real one: can only make the result worse (ordering here: SUCCESS < UNSTABLE < FAILURE < ABORTED). */
    @Override
    public void setResult(Result r) {
        if (result == null || rank(r) > rank(result)) {
            result = r;
        }
    }

    private static int rank(Result r) {
        if (r == Result.SUCCESS) {
            return 0;
        }
        if (r == Result.UNSTABLE) {
            return 1;
        }
        if (r == Result.FAILURE) {
            return 2;
        }
        if (r == Result.NOT_BUILT) {
            return 3;
        }
        return 4;
    }

    @Override
    public File getRootDir() {
        return rootDir;
    }

    @Override
    public String getExternalizableId() {
        return "fake#1";
    }

    @Override
    public void addAction(Action a) {
        actions.add(a);
    }

    @Override
    public <T extends Action> List<T> getActions(Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public <T extends Action> T getAction(Class<T> type) {
        List<T> all = getActions(type);
        return all.isEmpty() ? null : all.get(0);
    }
}
