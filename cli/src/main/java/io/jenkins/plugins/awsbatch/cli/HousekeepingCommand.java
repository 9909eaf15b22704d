package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsSettings;
import io.jenkins.plugins.awsbatch.engine.housekeeping.HousekeepingState;
import io.jenkins.plugins.awsbatch.engine.housekeeping.StoreHousekeeping;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.store.S3Location;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code batchgraph housekeeping setup|show|remove --store s3://b/prefix}: the lifecycle rule expiring the store's
 * transient objects (tagged by the engine) after N days, and the items table's TTL: a safety net for runs whose
 * cleanup never ran.
 */
@Command(
        name = "housekeeping",
        mixinStandardHelpOptions = true,
        description = "Set up, show or remove the S3 lifecycle rule (and DynamoDB TTL) expiring runs' transient data.")
final class HousekeepingCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ACTION", description = "${COMPLETION-CANDIDATES}")
    SetupAction action;

    @Option(names = "--store", required = true, paramLabel = "s3://BUCKET/PREFIX", description = "the runs' store")
    String store;

    @Option(
            names = "--days",
            paramLabel = "N",
            description = "expire transient objects N days after writing (default: ${DEFAULT-VALUE})")
    int days = 7;

    @Option(
            names = "--items-table",
            paramLabel = "TABLE",
            description =
                    "the DynamoDB table of plan.itemStore: setup enables its TTL on expiresAt, remove disables it")
    String itemsTable;

    @Option(names = "--json", description = "print the state as one JSON object on stdout")
    boolean json;

    @Mixin
    EngineOptionsMixin engineOptions;

    @Override
    public Integer call() {
        if (!store.startsWith("s3://")) {
            throw new CliException(
                    "--store must be s3://BUCKET/PREFIX (a local store has no lifecycle rules; use "
                            + "batchgraph cleanup --older-than)",
                    BatchGraphCli.EXIT_INVALID);
        }
        if (days < 1) {
            throw new CliException("--days must be at least 1, was " + days, BatchGraphCli.EXIT_INVALID);
        }
        S3Location location;
        AwsSettings settings;
        try {
            location = S3Location.parse(store);
            settings = engineOptions.toOptions().awsSettings().build();
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), BatchGraphCli.EXIT_INVALID);
        }
        try (AwsClients aws = AwsClients.create(settings, new CallCounter())) {
            StoreHousekeeping housekeeping =
                    new StoreHousekeeping(aws.s3(), itemsTable == null ? null : aws.dynamoDb());
            HousekeepingState state =
                    switch (action) {
                        case setup -> housekeeping.setup(location, days, itemsTable);
                        case remove -> housekeeping.remove(location, itemsTable);
                        default -> housekeeping.show(location, itemsTable);
                    };
            state.changes().forEach(System.err::println);
            if (state.changes().isEmpty() && action != SetupAction.show) {
                System.err.println("nothing to change");
            }
            System.err.println("lifecycle rule " + state.ruleId() + ": "
                    + (state.days() == null ? "none" : "transient objects expire after " + state.days() + " day(s)")
                    + (state.itemsTable() == null ? "" : "; TTL of " + state.itemsTable() + ": " + state.ttl()));
            if (json) {
                System.out.println(Json.mapper().valueToTree(state));
            }
            return action == SetupAction.show && state.days() == null ? 1 : 0;
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), BatchGraphCli.EXIT_INVALID);
        } catch (SdkException e) {
            throw new CliException(action + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), 1);
        }
    }
}
