package com.amazonaws.auth;

// mirrors jenkinsci/aws-credentials-plugin:src/main/java/com/amazonaws/auth/AWSCredentialsProvider.java
@Deprecated(forRemoval = true)
public interface AWSCredentialsProvider {}
