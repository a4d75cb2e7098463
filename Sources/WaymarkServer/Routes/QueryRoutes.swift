import Hummingbird
import NIOCore
import WaymarkCore
import WaymarkSQLite
import WaymarkStore

/// `POST /v1/query`: read-only SQL over the step-event and journey datasets (`step_events`,
/// `discards`, `journey_versions`). The body is `{"sql":"SELECT …","limit":1000}`; the answer
/// `{"columns":[…],"rows":[[…],…],"truncated":false}`. Anything but one SELECT over those
/// datasets is refused (`400 ERR_QUERY`) before it runs; a query past 10 s is stopped.
///
/// `POST /v1/exports` `{"sql":"SELECT …","format":"csv"|"ndjson"}`: every row of such a query,
/// streamed as it is read (chunked; a slow client slows the read, memory stays bounded; an
/// hour's limit). A failure after the first bytes ends the response without its last chunk.
struct QueryRoutes: Sendable {
    let store: SQLiteStore
    let limits: ServerSettings.Limits

    /// Rows answered when the request names no limit, and the most it may name.
    static let defaultRows = 1_000
    static let maximumRows = 100_000

    func register(on routes: APIRouter) {
        routes.add(.post, "/v1/query", .permission(.queryData), body: .objectSchema(strings: ["sql"], optionalIntegers: ["limit"])) {
            request, _, _ in try await query(request)
        }
        routes.add(
            .post, "/v1/exports", .permission(.queryData),
            body: .objectSchema(strings: ["sql", "format"], enums: ["format": RowFormat.allCases.map(\.rawValue)])
        ) { request, _, _ in try await export(request) }
    }

    func export(_ request: Request) async throws(APIError) -> Response {
        let body = try await request.bodyBytes(upTo: limits.maximumConfigBytes)
        guard case .object(let fields)? = try? JSONValue(parsing: body), case .string(let sql)? = fields["sql"] else {
            throw .badRequest(#"the body is {"sql":"SELECT …","format":"csv"}"#, code: "ERR_QUERY")
        }
        var format = RowFormat.ndjson
        switch fields["format"] {
        case nil, .null?: break
        case .string(let name)? where RowFormat(rawValue: name) != nil: format = RowFormat(rawValue: name)!
        default: throw .badRequest("format: csv or ndjson", code: "ERR_QUERY")
        }
        let export: (columns: [String], rows: ExportStream)
        do {
            export = try await store.export(sql)
        } catch {
            if error.code == .invalidQuery { throw .badRequest(error.message, code: "ERR_QUERY") }
            throw .unavailable(error.message)
        }
        let rowFormat = format
        return Response(
            status: .ok, headers: [.contentType: rowFormat.contentType],
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: rowFormat.header(export.columns)))
                for try await rows in export.rows {
                    var text = ""
                    for row in rows { text += rowFormat.line(row, columns: export.columns) }
                    try await writer.write(ByteBuffer(string: text))
                }
                try await writer.finish(nil)
            })
    }

    func query(_ request: Request) async throws(APIError) -> Response {
        let body = try await request.bodyBytes(upTo: limits.maximumConfigBytes)
        guard case .object(let fields)? = try? JSONValue(parsing: body), case .string(let sql)? = fields["sql"] else {
            throw .badRequest(#"the body is {"sql":"SELECT …","limit":1000}"#, code: "ERR_QUERY")
        }
        var limit = Self.defaultRows
        switch fields["limit"] {
        case nil, .null?: break
        case .int(let value)? where value >= 1 && value <= Int64(Self.maximumRows): limit = Int(value)
        default: throw .badRequest("limit: a whole number from 1 to \(Self.maximumRows)", code: "ERR_QUERY")
        }
        let result: QueryResult
        do {
            result = try await store.query(sql, maxRows: limit)
        } catch {
            if error.code == .invalidQuery { throw .badRequest(error.message, code: "ERR_QUERY") }
            throw .unavailable(error.message)
        }
        return JSONResponse.make(.fields([
            "columns": .array(result.columns.map(JSONValue.string)), "rows": .array(result.rows.map(JSONValue.array)),
            "truncated": .bool(result.truncated),
        ]))
    }
}
