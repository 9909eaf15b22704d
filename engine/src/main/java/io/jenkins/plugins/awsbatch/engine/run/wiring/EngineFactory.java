package io.jenkins.plugins.awsbatch.engine.run.wiring;

import io.jenkins.plugins.awsbatch.engine.batch.BatchService;
import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.CountingBatchService;
import io.jenkins.plugins.awsbatch.engine.batch.JobDefinition;
import io.jenkins.plugins.awsbatch.engine.batch.ResourceRequirement;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsSettings;
import io.jenkins.plugins.awsbatch.engine.batch.aws.RegionResolver;
import io.jenkins.plugins.awsbatch.engine.batch.aws.ServiceEndpoints;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchConfig;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchService;
import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.graph.GraphError;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.engine.graph.JobDefinitionSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;
import io.jenkins.plugins.awsbatch.engine.track.PollSchedule;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import io.jenkins.plugins.awsbatch.engine.track.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the services of one run for the engine it names. Local: an embedded {@link LocalBatchService} whose
 * job table and logs live in the run's folder (so {@code resume} finds them), the graph's job definitions
 * registered, queues created, and {@code maxConcurrency} honoured exactly by a consumable resource. AWS: SDK
 * clients from region, credentials and endpoints (common and per service).
 */
public final class EngineFactory {
    private final Clock clock;

    public EngineFactory(Clock clock) {
        this.clock = clock;
    }

    public RunEngine create(GraphSpec graph, String runId, Path baseDir, EngineOptions options, RunListener listener) {
        EngineKind engine = options.engine() != null ? options.engine() : graph.engineKind();
        CallCounter calls = new CallCounter();
        if (engine == EngineKind.AWS) {
            return aws(graph, options, listener, calls);
        }
        return local(graph, runId, baseDir, options, listener, calls);
    }

    private RunEngine local(
            GraphSpec graph,
            String runId,
            Path baseDir,
            EngineOptions options,
            RunListener listener,
            CallCounter calls) {
        Path runFolder = LocalObjectStore.toPath(new RunLayout(graph.storeOrDefault(), runId).runUri());
        int slots =
                options.slots() != null ? options.slots() : Runtime.getRuntime().availableProcessors();
        LocalBatchConfig config = new LocalBatchConfig(
                slots, runFolder.resolve("logs"), runFolder.resolve("local-batch"), baseDir, clock, null, null, null);
        LocalBatchService local = new LocalBatchService(config);
        registerLocal(graph, local);
        RunServices services = new RunServices(
                new CountingBatchService(local, calls),
                StoreResolver.localOnly(),
                local.logTailer(),
                calls,
                clock,
                Sleeper.real(),
                PollSchedule.forLocal(),
                listener,
                Json.mapper(),
                Function.identity(),
                RunSettings.defaults());
        return new RunEngine(services, local);
    }

    /**
     * Definitions, queues and concurrency caps the local engine needs before the first submit. Idempotent: a
     * definition already registered under a name is kept (a resumed run sees what it ran with).
     */
    public static void registerLocal(GraphSpec graph, LocalBatchService local) {
        Set<String> known = new HashSet<>();
        local.describeJobDefinitions(List.of())
                .forEach(d -> known.add(d.definition().name()));
        graph.jobDefinitions().forEach((name, spec) -> {
            if (!known.contains(name)) {
                local.registerJobDefinition(definitionOf(name, spec));
            }
        });
        if (!known.contains(GraphSpec.LOCAL_BARRIER_DEFINITION)) {
            local.registerJobDefinition(JobDefinition.ofCommand(GraphSpec.LOCAL_BARRIER_DEFINITION, List.of("true")));
        }
        local.ensureJobQueue(
                graph.queue() != null ? graph.queue() : RunSettings.defaults().defaultQueue());
        for (StageSpec stage : graph.stages()) {
            if (stage.queue() != null) {
                local.ensureJobQueue(stage.queue());
            }
            if (stage.consumableResource() != null
                    && stage.maxConcurrency() != null
                    && local.describeConsumableResources().stream()
                            .noneMatch(r -> r.name().equals(stage.consumableResource()))) {
                local.createConsumableResource(stage.consumableResource(), stage.maxConcurrency());
            }
        }
    }

    /**
     * On the local engine a stage's {@code maxConcurrency} is a consumable resource of that quantity (exact);
     * this names one per stage that has a cap and none of its own.
     */
    public static GraphSpec withLocalConcurrencyResources(GraphSpec graph) {
        List<StageSpec> stages = new ArrayList<>();
        for (StageSpec stage : graph.stages()) {
            if (stage.maxConcurrency() != null && stage.consumableResource() == null) {
                stage = stage.toBuilder()
                        .consumableResource("batchgraph-" + graph.name() + "-" + stage.name())
                        .build();
            }
            stages.add(stage);
        }
        return graph.withStages(stages);
    }

    static JobDefinition definitionOf(String name, JobDefinitionSpec spec) {
        List<ResourceRequirement> resources = new ArrayList<>();
        if (spec.vcpus() != null) {
            resources.add(new ResourceRequirement("VCPU", String.valueOf(spec.vcpus())));
        }
        if (spec.memory() != null) {
            resources.add(new ResourceRequirement("MEMORY", String.valueOf(spec.memory())));
        }
        return new JobDefinition(
                name,
                0,
                spec.image(),
                spec.command(),
                spec.environment(),
                spec.parameters(),
                spec.retry() == null ? null : spec.retry().toStrategy(),
                spec.timeout(),
                resources,
                null,
                true);
    }

    /**
     * Stores for reading a run whose graph is not known yet (status, resume by URI): local folders directly,
     * S3 through clients made on first use from {@code options}. Close the returned resolver's clients with
     * the {@link AutoCloseable} it also is.
     */
    public static LazyStores stores(EngineOptions options) {
        return new LazyStores(options);
    }

    /**
     * What the aws engine checks before its first call, also for {@code validate}: a store its jobs can reach,
     * well-formed endpoints and a region. Throws {@link GraphValidationException} naming the field.
     */
    public static void checkAws(GraphSpec graph, EngineOptions options) {
        List<GraphError> errors = new ArrayList<>();
        ServiceEndpoints endpoints = options.endpoints();
        boolean endpointsOk = checkEndpoint(endpoints.common(), "--endpoint-url", errors);
        for (var service : endpoints.services().entrySet()) {
            endpointsOk &= checkEndpoint(service.getValue(), endpoints.sourceOf(service.getKey(), null), errors);
        }
        String batchEndpoint = options.endpointFor("batch");
        if (graph.storeOrDefault().startsWith("file:") && !(endpointsOk && isLoopback(batchEndpoint))) {
            // Containers on AWS Batch cannot read this machine's folders.
            errors.add(
                    new GraphError(
                            "store",
                            "jobs on AWS Batch cannot read a local folder ('" + graph.storeOrDefault() + "')",
                            "use store: s3://BUCKET/PREFIX with engine aws (a file:// store works only with a local endpoint such as batchgraph local-batch)"));
        }
        GraphError region = regionError(options, graph.region());
        if (region != null) {
            errors.add(region);
        }
        if (!errors.isEmpty()) {
            throw new GraphValidationException(errors);
        }
    }

    /**
     * The aws engine's region check, its one home (also the CLI's pre-check before credentials): the option, else
     * the graph file's {@code fileRegion}, else the environment or the profile ({@link RegionResolver}). Null when
     * a region is found, else the error naming the fix.
     */
    public static GraphError regionError(EngineOptions options, String fileRegion) {
        try {
            RegionResolver.system()
                    .resolve(options.region() != null ? options.region() : fileRegion, options.profile());
            return null;
        } catch (IllegalArgumentException e) {
            return new GraphError("region", e.getMessage(), "set region: in the file, or pass --region");
        }
    }

    private static boolean checkEndpoint(String url, String source, List<GraphError> errors) {
        if (url == null) {
            return true;
        }
        boolean ok;
        try {
            java.net.URI endpoint = new java.net.URI(url);
            ok = endpoint.getHost() != null && List.of("http", "https").contains(String.valueOf(endpoint.getScheme()));
        } catch (java.net.URISyntaxException e) {
            ok = false;
        }
        if (!ok) {
            errors.add(
                    new GraphError(source, "'" + url + "' is not an http(s) URL", "write e.g. http://127.0.0.1:8791"));
        }
        return ok;
    }

    private RunEngine aws(GraphSpec graph, EngineOptions options, RunListener listener, CallCounter calls) {
        checkAws(graph, options);
        String batchEndpoint = options.endpointFor("batch");
        AwsSettings settings = options.awsSettings()
                .region(options.region() != null ? options.region() : graph.region())
                .build();
        AwsClients clients = AwsClients.create(settings, calls);
        BatchService batch = clients.batchService();
        if (isLoopback(batchEndpoint) && !graph.jobDefinitions().isEmpty()) {
            new EndpointDefinitions(clients.batch()).register(graph);
        }
        StoreResolver stores = uri -> uri.startsWith("s3://")
                ? clients.objectStore()
                : uri.startsWith("dynamodb://")
                        ? dynamoItems(clients, uri)
                        : StoreResolver.localOnly().forUri(uri);
        RunServices services = new RunServices(
                batch,
                stores,
                clients.logTailer(),
                calls,
                clock,
                Sleeper.real(),
                pollScheduleFor(batchEndpoint),
                listener,
                Json.mapper(),
                Function.identity(),
                RunSettings.defaults(),
                options.endpoints());
        return new RunEngine(services, clients);
    }

    private static io.jenkins.plugins.awsbatch.engine.store.ObjectStore dynamoItems(AwsClients clients, String uri) {
        io.jenkins.plugins.awsbatch.engine.store.DynamoDbItemStore table =
                clients.itemStore(io.jenkins.plugins.awsbatch.engine.store.DynamoDbObjectStore.tableOf(uri));
        return new io.jenkins.plugins.awsbatch.engine.store.DynamoDbObjectStore(table);
    }

    /** An emulator on this machine (moto, {@code batchgraph local-batch}) answers fast: poll it like the local engine. */
    private static PollSchedule pollScheduleFor(String endpointUrl) {
        return isLoopback(endpointUrl) ? PollSchedule.forLocal() : PollSchedule.forAws();
    }

    /** An endpoint on this machine: its jobs run here (local-batch), so local folders and definitions apply. */
    static boolean isLoopback(String endpointUrl) {
        if (endpointUrl == null) {
            return false;
        }
        String host = java.net.URI.create(endpointUrl).getHost();
        return host != null
                && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
    }
}
