package io.jenkins.plugins.awsbatch.offline;

import hudson.model.Action;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/** The step's flow node; records the actions added to it. */
public final class FakeFlowNode extends FlowNode {
    public final List<Action> actions = new CopyOnWriteArrayList<>();

    public FakeFlowNode() {
        super(null, "7", List.of());
    }

    @Override
    protected String getTypeDisplayName() {
        return "fake step";
    }

    @Override
    public boolean addOrReplaceAction(Action a) {
        actions.removeIf(x -> x.getClass() == a.getClass());
        actions.add(a);
        return true;
    }
}
