import Logging
import ServiceLifecycle
import WaymarkCore
import WaymarkStore

/// The running engine, built in one place: ingestion, one partition worker per partition, the
/// timer service and the outbox dispatcher over one store and one clock.
///
/// Ingested events go straight to their partition's worker, which routes them and commits the
/// outcome together with their acceptance: when `ingest` returns, an accepted event's steps are
/// durable. The inbox carries the other inputs (call results, jumps into other journeys).
///
/// In a server, `services` run in a `ServiceGroup` (or `run()` runs them with graceful shutdown
/// on SIGTERM/SIGINT). On a `VirtualClock` (`simulate`, tests) nothing runs by itself:
/// `runUntilIdle(until:)` drives the same services' rounds and moves the clock from timer to timer.
public final class Engine: Sendable {
    /// How the engine runs.
    public let configuration: EngineConfiguration
    /// Where everything is stored.
    public let store: any WaymarkStore
    /// The time the engine reads.
    public let clock: any EngineClock
    /// Who runs actions and fetches.
    public let executor: any ExternalCallExecutor
    /// Receives events (the API the server calls).
    public let ingestion: Ingestion
    let catalog: CatalogHolder
    let doorbells: Doorbells
    let workers: [PartitionWorker]
    let timerService: TimerService
    /// What the engine committed since it started (for metrics).
    public let meter: EngineMeter
    package let dispatcher: OutboxDispatcher
    let logger: Logger

    /// Builds an engine.
    /// - Parameters:
    ///   - random: percentage splits and `random()`; the default is deterministic per instance,
    ///     so an input replayed after a crash takes the same path.
    public init(
        configuration: EngineConfiguration = EngineConfiguration(), store: any WaymarkStore,
        clock: any EngineClock = SystemClock(), executor: any ExternalCallExecutor,
        random: any RandomSource = StableRandom(), logger: Logger = Logger(label: "waymark.engine")
    ) {
        self.configuration = configuration
        self.store = store
        self.clock = clock
        self.executor = executor
        self.logger = logger
        let catalog = CatalogHolder()
        let doorbells = Doorbells(partitionCount: configuration.partitionCount)
        self.catalog = catalog
        self.doorbells = doorbells
        let committer = GroupCommitter(store: store)
        let meter = EngineMeter()
        self.meter = meter
        let workers = (0..<configuration.partitionCount).map { partition in
            PartitionWorker(
                partition: partition, store: store, committer: committer, clock: clock, configuration: configuration,
                catalog: catalog, doorbells: doorbells, random: random, meter: meter, logger: logger)
        }
        self.workers = workers
        ingestion = Ingestion(
            store: store,
            acceptor: configuration.acceptance == .inbox
                ? InboxGroupAcceptor(store: store, doorbells: doorbells) : WorkerAcceptor(workers: workers),
            partitionCount: configuration.partitionCount,
            configuration: { catalog.current.configuration }, now: { clock.now() })
        timerService = TimerService(
            store: store, clock: clock, configuration: configuration, doorbells: doorbells, logger: logger)
        dispatcher = OutboxDispatcher(
            store: store, clock: clock, configuration: configuration, catalog: catalog, executor: executor,
            doorbells: doorbells, logger: logger)
    }

    /// The long-running parts, for the caller's `ServiceGroup`: the partition workers, the timer
    /// service and the outbox dispatcher.
    public var services: [any Service] { workers + [timerService, dispatcher] }

    /// Runs the services until SIGTERM or SIGINT (graceful shutdown) or cancellation.
    public func run() async throws {
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
    }

    /// The configs the engine runs with now.
    public var currentConfiguration: Configuration { catalog.current.configuration }

    /// Journey versions that could not be built (validation or expression errors), by
    /// `id@version`, with why: they take no entrants and their instances wait.
    public var journeyProblems: [String: RuntimeError] { catalog.current.problems }

    /// Reads the stored configs and runs with them (at start-up).
    public func loadConfigurations() async throws(StoreError) {
        catalog.replace(with: JourneyCatalog(configuration: Configuration(documents: try await store.configs())))
    }

    /// Saves configs (events, data sources, actions, journey versions with their status) and runs
    /// with every stored config from now on. A journey version's status decides who enters:
    /// live (everyone), draftTest (test profiles), closed (nobody new), stopped (everyone leaves).
    ///
    /// Secrets sent redacted (`<redacted>`, as the API answers them) keep their stored values.
    /// - Returns: warnings: configs whose redacted secrets had nothing stored (`WARN_SECRET_MISSING`).
    /// - Throws: `EngineError` naming the journey versions that cannot run (nothing is saved then),
    ///   or the store's failure.
    @discardableResult
    public func publish(_ documents: [ConfigDocument]) async throws(EngineError) -> [ValidationIssue] {
        try await save(documents, deleting: [])
    }

    /// Saves `documents` and deletes `removed` (by key), then runs with what is stored.
    @discardableResult
    func save(_ documents: [ConfigDocument], deleting removed: [ConfigDocument]) async throws(EngineError) -> [ValidationIssue] {
        let stored = try await storedConfigs()
        let storedByKey = Dictionary(stored.map { (ConfigKey($0), $0) }, uniquingKeysWith: { $1 })
        var warnings: [ValidationIssue] = []
        let documents = documents.map { document in
            let (restored, missing) = document.restoringRedactedSecrets(from: storedByKey[ConfigKey(document)])
            if missing > 0 {
                warnings.append(.warning(
                    .secretMissing, field: "authentication",
                    "The \(document.kind) \(document.name) was saved without \(missing) of its secrets (sent redacted, none stored): set them before its calls can authenticate."))
            }
            return restored
        }
        let removedKeys = Set(removed.map(ConfigKey.init))
        let remaining = Self.replacing(stored, with: documents).filter { !removedKeys.contains(ConfigKey($0)) }
        let candidate = JourneyCatalog(configuration: Configuration(documents: remaining))
        // Drafts may hold errors; every other version saved must be able to run.
        let published = Set(documents.compactMap { document -> String? in
            guard case .journey(let journey) = document, journey.status != .draft else { return nil }
            return "\(journey.id)@\(journey.version)"
        })
        let problems = candidate.problems.filter { published.contains($0.key) }
        if !problems.isEmpty {
            let text = problems.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.message)" }.joined(separator: "; ")
            throw EngineError(.journeyCannotRun, text)
        }
        do {
            if !removed.isEmpty { try await store.deleteConfigs(removed) }
            if !documents.isEmpty { try await store.saveConfigs(documents) }
        } catch {
            throw EngineError(.store, "the configs cannot be saved: \(error)")
        }
        catalog.replace(with: candidate)
        return warnings
    }

    /// Every stored config.
    func storedConfigs() async throws(EngineError) -> [ConfigDocument] {
        do {
            return try await store.configs()
        } catch {
            throw EngineError(.store, "the stored configs cannot be read: \(error)")
        }
    }

    /// `stored` with the documents of the same kind and name (journeys: id and version) replaced.
    static func replacing(_ stored: [ConfigDocument], with documents: [ConfigDocument]) -> [ConfigDocument] {
        let replaced = Set(documents.map(ConfigKey.init))
        return stored.filter { !replaced.contains(ConfigKey($0)) } + documents
    }

    /// Ingests a batch of events (XDM ExperienceEvents or streaming envelopes, as sent): accepted
    /// ones are routed, and what they caused is committed, when this returns.
    public func ingest(_ events: [[UInt8]]) async -> [IngestionResult] {
        await ingestion.ingest(events)
    }
}
