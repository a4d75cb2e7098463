import Foundation
import Logging
import ServiceLifecycle
import WaymarkConnectors
import WaymarkCore
import WaymarkStore

/// The webhook stream of step events for warehouses: every step event, once committed, is
/// POSTed to one HTTP endpoint as NDJSON (one step event per line, the dataset's fields), in the
/// order written, in batches.
///
/// Delivery is at least once: the cursor after the last batch the endpoint acknowledged (any
/// 2xx) is kept in the data directory (`step-stream.cursor`, replaced atomically), so a restart
/// resumes after it; a batch whose acknowledgement was lost is sent again (each event carries
/// its `stepID` to deduplicate by). A refused or failed batch is retried, waiting 1 s, then
/// twice as long each time up to a minute; nothing is skipped.
final class StepStream: Service {
    /// Where and how to send.
    struct Target: Sendable {
        var url: String
        /// Sent as `Authorization: Bearer …` when set.
        var token: String?
    }

    private let store: any StepEventStore
    private let target: Target
    private let transport: PooledHTTP1Transport
    private let cursorFile: URL
    private let batchSize: Int
    private let idle: Duration
    private let logger: Logger

    init(
        store: any StepEventStore, target: Target, transport: PooledHTTP1Transport, dataDirectory: String, batchSize: Int = 1_000,
        idle: Duration = .milliseconds(250), logger: Logger
    ) {
        self.store = store
        self.target = target
        self.transport = transport
        cursorFile = URL(fileURLWithPath: dataDirectory).appendingPathComponent("step-stream.cursor")
        self.batchSize = batchSize
        self.idle = idle
        self.logger = logger
    }

    func run() async throws {
        await cancelWhenGracefulShutdown { [self] in
            var cursor = readCursor()
            var backoff = Duration.seconds(1)
            while !Task.isCancelled {
                do {
                    let page = try await store.stepEvents(after: cursor, limit: batchSize)
                    guard !page.events.isEmpty else {
                        try await Task.sleep(for: idle)
                        continue
                    }
                    try await send(page.events)
                    try writeCursor(page.cursor)
                    cursor = page.cursor
                    backoff = .seconds(1)
                } catch is CancellationError {
                    return
                } catch {
                    logger.warning("the step-event stream to \(target.url) failed; retrying", metadata: ["error": "\(error)"])
                    try? await Task.sleep(for: backoff)
                    backoff = min(backoff * 2, .seconds(60))
                }
            }
        }
    }

    private func send(_ events: [StepEvent]) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var body: [UInt8] = []
        for event in events {
            body += Array(try encoder.encode(event))
            body.append(UInt8(ascii: "\n"))
        }
        var headers = [NamedValue("Content-Type", "application/x-ndjson")]
        if let token = target.token { headers.append(NamedValue("Authorization", "Bearer " + token, isSecret: true)) }
        let response = try await transport.send(HTTPRequestSpec(method: .post, url: target.url, headers: headers, body: body), timeout: 30_000)
        guard (200..<300).contains(response.status) else {
            throw ServerError("the endpoint answered \(response.status) to \(events.count) step events")
        }
    }

    private func readCursor() -> Int64 {
        guard let data = FileManager.default.contents(atPath: cursorFile.path),
            let cursor = Int64(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        else { return 0 }
        return cursor
    }

    private func writeCursor(_ cursor: Int64) throws {
        try Data("\(cursor)\n".utf8).write(to: cursorFile, options: .atomic)
    }
}
