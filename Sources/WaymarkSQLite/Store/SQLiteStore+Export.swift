import Dispatch
import Synchronization
import WaymarkCore
import WaymarkStore

extension SQLiteStore {
    /// The rows of one read-only statement over the `queryableDatasets`, however many: what
    /// `query` refuses, an export refuses too (thrown here, before any row).
    ///
    /// The statement runs on a thread of its own and reads ahead at most `bufferedChunks` chunks
    /// of `chunkRows` rows: a slow reader slows the statement, memory stays bounded. Dropping the
    /// iterator before the end stops the statement.
    /// - Returns: the column names, and the rows in chunks.
    public func export(
        _ sql: String, chunkRows: Int = 1_000, bufferedChunks: Int = 4, timeout: Int64 = 3_600_000
    ) async throws(StoreError) -> (columns: [String], rows: ExportStream) {
        let path = path
        let (stream, continuation) = AsyncThrowingStream<[[JSONValue]], any Error>.makeStream()
        let gate = ExportGate(permits: max(1, bufferedChunks))
        continuation.onTermination = { _ in gate.cancel() }
        let columns: Result<[String], StoreError> = await withCheckedContinuation { started in
            DispatchQueue(label: "waymark.export").async {
                var startedOnce = Optional(started)
                do throws(StoreError) {
                    let connection = try AnalystConnection(path: path)
                    var chunk: [[JSONValue]] = []
                    try connection.visit(sql, timeout: timeout, isCancelled: { gate.isCancelled }) { names in
                        startedOnce.take()?.resume(returning: .success(names))
                    } row: { row in
                        chunk.append(row)
                        guard chunk.count >= max(1, chunkRows) else { return true }
                        defer { chunk.removeAll(keepingCapacity: true) }
                        return gate.send(chunk, to: continuation)
                    }
                    if !chunk.isEmpty { gate.send(chunk, to: continuation) }
                    continuation.finish()
                } catch {
                    if let started = startedOnce.take() {
                        started.resume(returning: .failure(error))
                    } else {
                        continuation.finish(throwing: error)
                    }
                }
            }
        }
        return (try columns.get(), ExportStream(stream: stream, gate: gate))
    }
}

/// The rows of an export in chunks, read ahead a bounded number of chunks.
public struct ExportStream: AsyncSequence, Sendable {
    public typealias Element = [[JSONValue]]

    let stream: AsyncThrowingStream<[[JSONValue]], any Error>
    let gate: ExportGate

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<[[JSONValue]], any Error>.AsyncIterator
        let gate: ExportGate

        public mutating func next() async throws -> [[JSONValue]]? {
            let rows = try await base.next()
            gate.taken()
            return rows
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: stream.makeAsyncIterator(), gate: gate) }
}

/// Bounds how far an export reads ahead of its reader, and carries its cancellation.
final class ExportGate: Sendable {
    private let permits: DispatchSemaphore
    private let cancelled = Atomic(false)

    init(permits: Int) {
        // Created at 0 and raised: libdispatch traps when a semaphore is freed below the value it
        // was created with, which an export left with chunks unread would be.
        self.permits = DispatchSemaphore(value: 0)
        for _ in 0..<permits { self.permits.signal() }
    }

    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    /// Hands a chunk over once the reader is fewer than `permits` chunks behind (the export's own
    /// thread blocks meanwhile). - Returns: `false` when the reader went away.
    @discardableResult
    func send(_ rows: [[JSONValue]], to continuation: AsyncThrowingStream<[[JSONValue]], any Error>.Continuation) -> Bool {
        permits.wait()
        guard !isCancelled else { return false }
        if case .terminated = continuation.yield(rows) { return false }
        return true
    }

    /// The reader took a chunk.
    func taken() { permits.signal() }

    /// The reader went away: the export stops at its next row.
    func cancel() {
        cancelled.store(true, ordering: .releasing)
        permits.signal()
    }
}
