package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Actionable;
import hudson.model.Saveable;
import java.util.List;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

// mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/graph/FlowNode.java
@ExportedBean
public abstract class FlowNode extends Actionable implements Saveable {

    // mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/graph/FlowNode.java
    protected FlowNode(FlowExecution exec, String id, List<FlowNode> parents) {}

    // mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/graph/FlowNode.java
    protected abstract String getTypeDisplayName();

    // mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/graph/FlowNode.java
    @Exported
    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("shim");
    }
}
