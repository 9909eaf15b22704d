package com.cloudbees.plugins.credentials.domains;

import hudson.ExtensionPoint;
import java.io.Serializable;

// mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/domains/DomainRequirement.java
public class DomainRequirement implements ExtensionPoint, Serializable {}
