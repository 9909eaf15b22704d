package io.jenkins.plugins.awsbatch.cli;

import picocli.CommandLine.Option;

/** {@code --store}: where to look a run id up. */
final class StoreOption {
    @Option(names = "--store", description = "the store runs were written to (default file://.batchgraph/runs)")
    String store;
}
