import Hummingbird
import WaymarkCore
import WaymarkEngine

/// `POST /v1/events`: streaming ingestion. The body is one event, a JSON array of events or
/// NDJSON (one event per line), each an XDM ExperienceEvent or a streaming envelope.
///
/// The answer comes after the durable commit: `202` with a result per event when none was
/// refused; `400` (`ERR_EVENTS_REJECTED`) with the same results when some were — the others
/// were accepted all the same, and sending the batch again is safe (`_id`s are deduplicated);
/// `413` when the body or one event is too large (nothing accepted); `503` when the store could
/// not commit (nothing accepted: send again).
struct EventRoutes: Sendable {
    let engine: Engine
    let limits: ServerSettings.Limits
    let metrics: ServerMetrics

    func register(on routes: APIRouter) {
        routes.add(.post, "/v1/events", .permission(.ingestEvents)) { request, _, _ in try await ingest(request) }
    }

    func ingest(_ request: Request) async throws(APIError) -> Response {
        try await ingest(request) { events in await engine.ingest(events) }
    }

    /// Reads the request's events, hands them to `accept`, answers with a result per event.
    func ingest(
        _ request: Request, accept: ([[UInt8]]) async throws(APIError) -> [IngestionResult]
    ) async throws(APIError) -> Response {
        let body = try await request.bodyBytes(upTo: limits.maximumBodyBytes)
        let chunks: [EventChunk]
        do {
            chunks = try EventBatchSplitter.split(body)
        } catch {
            throw .badRequest(error.description, code: error.code.rawValue)
        }
        guard !chunks.isEmpty else { throw .badRequest("the body holds no event", code: IngestionError.Code.malformedBatch.rawValue) }
        if let (index, chunk) = chunks.enumerated().first(where: { $0.element.bytes.count > limits.maximumEventBytes }) {
            throw .tooLarge(
                "event \(index) (line \(chunk.line)) is \(chunk.bytes.count) bytes, more than the limit of \(limits.maximumEventBytes)")
        }
        var results = try await accept(chunks.map(\.bytes))
        for index in results.indices {
            results[index].errors = results[index].errors.map { chunks[index].locatedInBody($0) }
        }
        metrics.recordEvents(Dictionary(results.map { ($0.status.rawValue, 1) }, uniquingKeysWith: +))
        let rejected = results.filter { $0.status == .rejected }
        if !rejected.isEmpty, rejected.count == results.count,
            rejected.allSatisfy({ $0.errors.contains { $0.code == .storeUnavailable } })
        {
            throw .unavailable("the events could not be committed; nothing was accepted, send them again")
        }
        let document = IngestionResultDocument.batch(results)
        guard rejected.isEmpty else {
            throw APIError(
                .badRequest, "ERR_EVENTS_REJECTED",
                "\(rejected.count) of \(results.count) events were refused (the others were accepted); see details.results",
                details: document)
        }
        return JSONResponse.make(document, status: .accepted)
    }
}
