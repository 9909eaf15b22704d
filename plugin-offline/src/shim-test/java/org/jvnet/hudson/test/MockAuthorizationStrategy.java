package org.jvnet.hudson.test;

import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;
import java.util.Set;

// mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/MockAuthorizationStrategy.java
public class MockAuthorizationStrategy extends AuthorizationStrategy {

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/MockAuthorizationStrategy.java
    public MockAuthorizationStrategy() {}

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/MockAuthorizationStrategy.java
    public Grant grant(Permission... permissions) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/MockAuthorizationStrategy.java
    public class Grant {

        Grant(Set<Permission> permissions) {}

        // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/MockAuthorizationStrategy.java
        public GrantOn everywhere() {
            throw new UnsupportedOperationException("shim");
        }

        // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/MockAuthorizationStrategy.java
        public GrantOn onItems(Item... items) {
            throw new UnsupportedOperationException("shim");
        }

        // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/MockAuthorizationStrategy.java
        public GrantOn onFolders(ItemGroup<?>... folders) {
            throw new UnsupportedOperationException("shim");
        }

        // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/MockAuthorizationStrategy.java
        public class GrantOn {

            GrantOn(String regexp) {}

            // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/MockAuthorizationStrategy.java
            public MockAuthorizationStrategy to(String... sids) {
                throw new UnsupportedOperationException("shim");
            }
        }
    }
}
