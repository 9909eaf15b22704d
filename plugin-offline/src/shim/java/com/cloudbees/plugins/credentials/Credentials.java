package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

// mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/Credentials.java
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {}
