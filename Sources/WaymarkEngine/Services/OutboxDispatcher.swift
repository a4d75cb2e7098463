import Logging
import ServiceLifecycle
import WaymarkCore
import WaymarkStore

/// Runs committed outbox rows: hands each call to the `ExternalCallExecutor` (several at once),
/// then removes the rows and appends their results to the inbox in one transaction, waking the
/// partition workers that own them.
///
/// Rows are claimed by this one dispatcher, a round at a time; a crash before completion runs
/// them again (at least once, `request.id` as the idempotency key).
package struct OutboxDispatcher: Service {
    let store: any WaymarkStore
    let clock: any EngineClock
    let configuration: EngineConfiguration
    let catalog: CatalogHolder
    let executor: any ExternalCallExecutor
    let doorbells: Doorbells
    let logger: Logger

    package init(
        store: any WaymarkStore, clock: any EngineClock, configuration: EngineConfiguration, catalog: CatalogHolder,
        executor: any ExternalCallExecutor, doorbells: Doorbells, logger: Logger
    ) {
        self.store = store
        self.clock = clock
        self.configuration = configuration
        self.catalog = catalog
        self.executor = executor
        self.doorbells = doorbells
        self.logger = logger
    }

    /// Runs one round: up to `outboxBatchSize` available rows, `outboxConcurrency` at a time.
    /// - Returns: how many rows it completed.
    @discardableResult
    package func dispatchAvailable() async throws(StoreError) -> Int {
        let rows = try await store.outboxEntries(availableAt: clock.now(), limit: configuration.outboxBatchSize)
        guard !rows.isEmpty else { return 0 }
        let configs = catalog.current.configuration
        var completions: [OutboxCompletion] = []
        completions.reserveCapacity(rows.count)
        for start in stride(from: 0, to: rows.count, by: configuration.outboxConcurrency) {
            let slice = rows[start..<min(rows.count, start + configuration.outboxConcurrency)]
            completions += await withTaskGroup(of: OutboxCompletion.self) { group in
                for row in slice {
                    group.addTask { await complete(row, configuration: configs) }
                }
                var done: [OutboxCompletion] = []
                for await completion in group { done.append(completion) }
                return done
            }
        }
        try await store.completeOutbox(completions)
        doorbells.ringWorkers(of: completions.map(\.result.partition))
        return completions.count
    }

    /// Runs one row's call and makes its result an inbox entry; a row that cannot be read
    /// completes with an internal error, so its instance takes its error path.
    private func complete(_ row: OutboxRecord, configuration configs: Configuration) async -> OutboxCompletion {
        let result: ExternalCallResult
        do {
            let request = try ExternalCallRequest(decoding: row.payload)
            let started = clock.now()
            var answer = await executor.execute(request, configuration: configs)
            if answer.executionTime == 0 { answer.executionTime = max(0, clock.now() - started) }
            result = answer
        } catch {
            logger.error("outbox row \(row.id) cannot be read", metadata: ["error": "\(error)"])
            result = ExternalCallResult(callID: row.id, status: nil, errorKind: .internal, errorCode: "corruptRequest")
        }
        let kind: InboxKind = row.kind == ExternalCallKind.fetch.rawValue ? .fetchResult : .actionResult
        return OutboxCompletion(
            outboxID: row.id,
            result: InboxEntry(
                partition: row.partition, kind: kind, eventID: row.id, profile: row.profile, payload: result.encoded,
                receivedAt: clock.now()))
    }

    package func run() async throws {
        await ServiceLoop.run(
            name: "outbox dispatcher", doorbell: doorbells.outbox, clock: clock, pollInterval: configuration.idlePollInterval,
            logger: logger
        ) {
            .init(didWork: try await dispatchAvailable() > 0)
        }
    }
}
