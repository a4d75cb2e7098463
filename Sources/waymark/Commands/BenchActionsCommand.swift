import ArgumentParser
import Foundation
import WaymarkConnectors
import WaymarkCore
import WaymarkEngine
import WaymarkLoopback
import WaymarkStore

/// `waymark bench actions`: custom actions dispatched over HTTP to endpoints on loopback by the
/// engine's outbox dispatcher, alone and beside an endpoint that answers after 30 s.
struct BenchActionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "Custom-action dispatch over HTTP to a loopback endpoint, alone and beside a slow endpoint.",
        discussion: """
            Each run commits the calls' outbox rows to a fresh store, then runs the outbox dispatcher as the \
            server does (HTTPCallExecutor over AsyncHTTPClient, the endpoint gate, completions committed with \
            their results) until every call to the fast endpoint has been answered and committed. The second \
            run first queues calls to an endpoint that answers after --slow-answer ms.
            """)

    @Option(help: "Calls to the fast endpoint per run.")
    var calls: Int = 50_000

    @Option(help: "Calls queued first for the slow endpoint in the second run.")
    var slowCalls: Int = 1_000

    @Option(help: "How long the slow endpoint takes to answer, milliseconds.")
    var slowAnswer: Int = 30_000

    @Option(help: "Calls in flight at once, in all (the engine's default).")
    var concurrency: Int = EngineConfiguration().outboxConcurrency

    @Option(help: "Calls in flight at once per endpoint (the engine's default).")
    var perEndpoint: Int = EngineConfiguration().outboxConcurrencyPerEndpoint

    @Option(help: "Rounds of the two runs, alternated; the medians are compared.")
    var rounds: Int = 1

    @Option(help: "The store: sqlite (durable: WAL, synchronous=FULL) or memory.")
    var store: BenchOptions.StoreKind = .sqlite

    /// The HTTP client of the calls.
    enum Client: String, ExpressibleByArgument, CaseIterable {
        case pooled
        case asyncHTTPClient = "async-http-client"
    }

    @Option(help: "The HTTP client: pooled (PooledHTTP1Transport, the default for http://) or async-http-client.")
    var client: Client = .pooled

    func validate() throws {
        guard calls > 0, slowCalls >= 0, slowAnswer >= 0, concurrency > 0, perEndpoint > 0, rounds > 0 else {
            throw ValidationError("--calls, --concurrency, --per-endpoint and --rounds must be at least 1; the others at least 0")
        }
    }

    func run() async throws {
        let answer = LoopbackResponse(status: 200, headers: [("Content-Type", "application/json")], body: Array(#"{"accepted":true}"#.utf8))
        let fast = try await LoopbackFixedServer(response: answer).start()
        let wait = slowAnswer
        let slow = try await LoopbackServer { _ in
            try? await Task.sleep(for: .milliseconds(wait))
            return answer
        }.start()
        let transport: any HTTPTransport & Sendable = client == .pooled ? PooledHTTP1Transport() : AsyncHTTPClientTransport()
        print("fast endpoint \(fast.baseURL), slow endpoint \(slow.baseURL) (answers after \(slowAnswer) ms), store: \(store.rawValue), client: \(client.rawValue)")
        var alone: [Double] = []
        var beside: [Double] = []
        for _ in 0..<rounds {
            alone.append(try await measure(fast: fast, slow: slow, slowCalls: 0, transport: transport))
            beside.append(try await measure(fast: fast, slow: slow, slowCalls: slowCalls, transport: transport))
        }
        if rounds > 1 {
            print(String(
                format: "fast endpoint over %d rounds: alone %.0f–%.0f calls/s (median %.0f), beside the slow one %.0f–%.0f (median %.0f)",
                rounds, alone.min() ?? 0, alone.max() ?? 0, Self.median(alone), beside.min() ?? 0, beside.max() ?? 0, Self.median(beside)))
        }
        print(String(format: "fast endpoint beside the slow one: %.1f %% of its rate alone", Self.median(beside) / Self.median(alone) * 100))
        if let pooled = transport as? PooledHTTP1Transport { try await pooled.shutdown() }
        if let client = transport as? AsyncHTTPClientTransport { try await client.shutdown() }
        try await fast.shutdown()
        try await slow.shutdown()
    }

    /// One run: returns the fast calls' rate, per second.
    private func measure(
        fast: LoopbackFixedServer, slow: LoopbackServer, slowCalls: Int, transport: any HTTPTransport
    ) async throws -> Double {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-bench-actions-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store: any WaymarkStore = self.store == .sqlite ? try BenchStore.openSQLite(at: directory) : MemoryStore()
        let executor = HTTPCallExecutor(transport: transport, gate: EndpointGate())
        let engine = Engine(
            configuration: EngineConfiguration(
                partitionCount: 4, outboxBatchSize: 2_000, outboxConcurrency: concurrency, outboxConcurrencyPerEndpoint: perEndpoint),
            store: store, clock: SystemClock(), executor: executor)
        try await engine.publish([Self.action("Fast", url: fast.baseURL + "/hooks/signup"), Self.action("Slow", url: slow.baseURL + "/hooks/signup")])
        let rows = (0..<slowCalls).map { Self.row($0, action: "Slow") } + (0..<calls).map { Self.row($0, action: "Fast") }
        for start in stride(from: 0, to: rows.count, by: 5_000) {
            var batch = PartitionCommit(partition: 0, leaseGeneration: 0)
            batch.outbox = Array(rows[start..<min(rows.count, start + 5_000)])
            try await store.commit([batch])
        }
        let before = fast.requestCount
        let started = ContinuousClock.now
        let cpuStart = BenchHarness.processorSeconds()
        let dispatcher = Task { try await engine.dispatcher.run() }
        // The cheap test first: the store is read only once every fast call has been answered.
        while true {
            if fast.requestCount - before >= calls, try await store.outboxEntries(availableAt: .max, limit: slowCalls + 1).count <= slowCalls {
                break
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        let seconds: Double = (ContinuousClock.now - started) / .seconds(1)
        let cpu = BenchHarness.processorSeconds() - cpuStart
        dispatcher.cancel()
        _ = try? await dispatcher.value
        let rate = Double(calls) / seconds
        let label = slowCalls == 0 ? "alone" : "beside \(slowCalls) calls to the slow endpoint"
        print(String(
            format: "fast endpoint %@: %d calls answered and committed in %.3f s = %.0f calls/s (CPU %.3f s, %.0f calls per CPU-second)",
            label, calls, seconds, rate, cpu, Double(calls) / cpu))
        return rate
    }

    /// The middle value (the mean of the two middle ones for an even count).
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }

    /// A custom action POSTing a small JSON payload to `url`.
    static func action(_ name: String, url: String) -> ConfigDocument {
        .action(ActionConfig(
            name: name,
            definition: .custom(CustomAction(
                url: url, method: .post,
                headers: [.constant("X-Source", .string("waymark-bench"))],
                payload: [.variable("email", .string, required: true), .variable("plan", .string), .constant("campaign", .string("welcome"))]))))
    }

    /// The outbox row of call `index` to `action`, as a journey's action node writes it.
    static func row(_ index: Int, action: String) -> OutboxRecord {
        let profile = ProfileKey(namespace: "Email", id: "person-\(index)@example.com")
        let id = "\(action.lowercased())-\(index)"
        var payload = OrderedFields<JSONValue>()
        payload["email"] = .string(profile.id)
        payload["plan"] = .string("pro")
        payload["campaign"] = .string("welcome")
        let request = ExternalCallRequest(
            id: id, kind: .action, instanceID: "instance-\(id)", journeyID: "bench", journeyVersionID: "bench-v1", nodeID: "call",
            profile: profile, actionName: action, payload: .object(payload))
        return OutboxRecord(
            id: id, partition: profile.partition(of: 4), instanceID: request.instanceID, profile: profile,
            kind: ExternalCallKind.action.rawValue, payload: request.encoded, createdAt: 0, availableAt: 0)
    }
}

