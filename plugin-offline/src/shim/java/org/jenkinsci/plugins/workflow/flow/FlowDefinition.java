package org.jenkinsci.plugins.workflow.flow;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

// mirrors jenkinsci/workflow-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/flow/FlowDefinition.java
public abstract class FlowDefinition extends AbstractDescribableImpl<FlowDefinition> implements ExtensionPoint {}
