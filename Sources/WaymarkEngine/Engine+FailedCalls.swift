import WaymarkCore
import WaymarkStore

extension Engine {
    /// The calls that failed, oldest first, `limit` at a time after the one with id `after`.
    public func failedCalls(after: String? = nil, limit: Int = 100) async throws(EngineError) -> [FailedCallRecord] {
        do {
            return try await store.failedCalls(after: after, limit: limit)
        } catch {
            throw EngineError(error.code == .notFound ? .notFound : .store, error.message)
        }
    }

    /// Makes a failed call again, as it was asked for (same request, same idempotency key), with
    /// today's configs, and records how the replay went. The journey is not touched: the person
    /// took the node's error path when the call failed.
    /// - Throws: `.notFound` for an unknown id; `.store` when the record cannot be read or marked.
    @discardableResult
    public func replayFailedCall(id: String) async throws(EngineError) -> ExternalCallResult {
        let record: FailedCallRecord?
        do {
            record = try await store.failedCall(id: id)
        } catch {
            throw EngineError(.store, error.message)
        }
        guard let record else { throw EngineError(.notFound, "no failed call has the id \(id)") }
        let request: ExternalCallRequest
        do {
            request = try ExternalCallRequest(decoding: record.request)
        } catch {
            throw EngineError(.store, "the failed call \(id) cannot be read: \(error)")
        }
        let result = await executor.execute(request, configuration: currentConfiguration)
        do {
            try await store.markReplayed(id: id, at: clock.now(), status: result.status, succeeded: result.errorKind == nil)
        } catch {
            throw EngineError(.store, error.message)
        }
        return result
    }
}
