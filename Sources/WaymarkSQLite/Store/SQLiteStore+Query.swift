import Foundation
import GRDBSQLite
import WaymarkCore
import WaymarkStore

/// The answer to an analyst's query.
public struct QueryResult: Hashable, Sendable {
    /// The column names, in order.
    public var columns: [String]
    /// The rows, each a value per column (integers, decimals, text, null; blobs as base64 text).
    public var rows: [[JSONValue]]
    /// Whether rows were left out past the limit.
    public var truncated: Bool
}

extension SQLiteStore {
    /// The datasets analysts may query: the step events, the discarded events, the journey
    /// versions. Nothing else of the file (instances, configs with their sealed secrets, the
    /// outbox) can be read by `query`.
    public static let queryableDatasets: Set<String> = ["step_events", "discards", "journey_versions"]

    /// Runs one read-only SQL statement over the `queryableDatasets` on a connection of its own,
    /// opened read-only: a statement that writes, reads another table, uses a pragma or attaches
    /// a file is refused before it runs; one running past `timeout` is interrupted.
    /// - Parameters:
    ///   - maxRows: the most rows returned (`truncated` tells whether there were more).
    ///   - timeout: milliseconds the statement may run.
    /// - Throws: `StoreError` `.invalidQuery` naming the problem (SQLite's message), or `.io`.
    public func query(_ sql: String, maxRows: Int, timeout: Int64 = 10_000) async throws(StoreError) -> QueryResult {
        let path = path
        let result: Result<QueryResult, StoreError> = await withCheckedContinuation { continuation in
            // Off Swift's cooperative threads (a query may run for seconds), one at a time.
            Self.analystQueue.async {
                continuation.resume(returning: Result { () throws(StoreError) in
                    try AnalystConnection(path: path).run(sql, maxRows: maxRows, timeout: timeout)
                })
            }
        }
        return try result.get()
    }

    /// Where analysts' queries run: one at a time, on a thread of their own.
    private static let analystQueue = DispatchQueue(label: "waymark.analyst-queries")
}

/// A read-only SQLite connection that only lets statements read the queryable datasets.
final class AnalystConnection {
    private var handle: OpaquePointer?

    init(path: String) throws(StoreError) {
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            throw StoreError(.io, "cannot open \(path) to query it: \(message)")
        }
        sqlite3_busy_timeout(handle, 5_000)
        sqlite3_set_authorizer(handle, analystAuthorizer, nil)
    }

    deinit { sqlite3_close_v2(handle) }

    func run(_ sql: String, maxRows: Int, timeout: Int64) throws(StoreError) -> QueryResult {
        var result = QueryResult(columns: [], rows: [], truncated: false)
        try visit(sql, timeout: timeout, columns: { result.columns = $0 }) { row in
            guard result.rows.count < maxRows else {
                result.truncated = true
                return false
            }
            result.rows.append(row)
            return true
        }
        return result
    }

    /// Runs `sql`, handing `columns` its column names, then `row` each row until it answers
    /// `false` or the rows end; `isCancelled` is asked as the statement runs (it stops it).
    func visit(
        _ sql: String, timeout: Int64, isCancelled: @escaping () -> Bool = { false }, columns: ([String]) -> Void,
        row: ([JSONValue]) -> Bool
    ) throws(StoreError) {
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let prepared = sql.withCString { text in sqlite3_prepare_v2(handle, text, -1, &statement, &tail) }
        defer { sqlite3_finalize(statement) }
        guard prepared == SQLITE_OK else { throw failure() }
        guard let statement else { throw StoreError(.invalidQuery, "the query is empty") }
        if let tail, !String(cString: tail).allSatisfy({ $0.isWhitespace || $0 == ";" }) {
            throw StoreError(.invalidQuery, "one statement at a time: the query goes on after its first statement")
        }
        guard sqlite3_stmt_readonly(statement) != 0 else { throw StoreError(.invalidQuery, "only SELECT statements are allowed") }
        let columnCount = sqlite3_column_count(statement)
        columns((0..<columnCount).map { String(cString: sqlite3_column_name(statement, $0)) })
        let stop = StopCondition(deadline: Self.nowMilliseconds() + timeout, isCancelled: isCancelled)
        let context = Unmanaged.passRetained(stop)
        defer { context.release() }
        sqlite3_progress_handler(handle, 10_000, { context in
            guard let context else { return 0 }
            return Unmanaged<StopCondition>.fromOpaque(context).takeUnretainedValue().shouldStop ? 1 : 0
        }, context.toOpaque())
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW:
                guard row((0..<columnCount).map { Self.value(statement, $0) }) else { return }
            case SQLITE_DONE:
                return
            case SQLITE_INTERRUPT:
                if isCancelled() { throw StoreError(.io, "the query was cancelled") }
                throw StoreError(.invalidQuery, "the query ran longer than \(timeout) ms and was stopped")
            default:
                throw failure()
            }
        }
    }

    /// When a running statement stops: past its deadline, or cancelled.
    private final class StopCondition {
        let deadline: Int64
        let isCancelled: () -> Bool

        init(deadline: Int64, isCancelled: @escaping () -> Bool) {
            self.deadline = deadline
            self.isCancelled = isCancelled
        }

        var shouldStop: Bool { AnalystConnection.nowMilliseconds() > deadline || isCancelled() }
    }

    private func failure() -> StoreError {
        StoreError(.invalidQuery, String(cString: sqlite3_errmsg(handle)))
    }

    private static func value(_ statement: OpaquePointer, _ column: Int32) -> JSONValue {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .int(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .double(sqlite3_column_double(statement, column))
        case SQLITE_TEXT: return .string(String(cString: sqlite3_column_text(statement, column)))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, column))
            guard let bytes = sqlite3_column_blob(statement, column), count > 0 else { return .string("") }
            return .string(Data(bytes: bytes, count: count).base64EncodedString())
        default: return .null
        }
    }

    fileprivate static func nowMilliseconds() -> Int64 {
        Int64(Date().timeIntervalSince1970 * 1_000)
    }
}

/// Allows reading the queryable datasets (and what their views read), selecting and calling
/// functions; denies everything else (writes, pragmas, attaching files, other tables' columns).
private func analystAuthorizer(
    _ context: UnsafeMutableRawPointer?, _ action: Int32, _ first: UnsafePointer<CChar>?, _ second: UnsafePointer<CChar>?,
    _ database: UnsafePointer<CChar>?, _ view: UnsafePointer<CChar>?
) -> Int32 {
    switch action {
    case SQLITE_SELECT, SQLITE_FUNCTION, SQLITE_RECURSIVE:
        return SQLITE_OK
    case SQLITE_READ:
        if let view, SQLiteStore.queryableDatasets.contains(String(cString: view)) { return SQLITE_OK }
        if let first, SQLiteStore.queryableDatasets.contains(String(cString: first)) { return SQLITE_OK }
        // A table named without reading a column (SQLite asks so, outside the view, for tables a
        // view joins): no data is read; allowed, so `count(*)` of another table is the most it shows.
        if let second, second.pointee == 0 { return SQLITE_IGNORE }
        return SQLITE_DENY
    default:
        return SQLITE_DENY
    }
}
