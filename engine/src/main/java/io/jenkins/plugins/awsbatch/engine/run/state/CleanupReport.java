package io.jenkins.plugins.awsbatch.engine.run.state;

import java.util.List;

/** What cleanup removed (prefixes and object count) and what it kept. */
public record CleanupReport(List<String> deletedPrefixes, int deletedObjects, List<String> kept, String error) {}
