import GRDB
import GRDBSQLite

/// A cached statement bound and stepped through SQLite's C API, without boxing its arguments:
/// for the rows every group commit writes by the thousand (and the instances every timer firing
/// reads, see `FastStatement+Rows`). Use inside a GRDB access.
struct FastStatement {
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// The prepared statement (GRDB's cached one).
    let handle: SQLiteStatement
    let db: Database
    private var index: Int32 = 0

    init(_ db: Database, sql: String) throws {
        self.db = db
        handle = try db.cachedStatement(sql: sql).sqliteStatement
        sqlite3_reset(handle)  // a run an error left midway
        sqlite3_clear_bindings(handle)
    }

    mutating func bind(_ value: Int64) {
        index += 1
        sqlite3_bind_int64(handle, index, value)
    }

    mutating func bind(_ value: Int) { bind(Int64(value)) }

    mutating func bind(_ value: Bool) { bind(Int64(value ? 1 : 0)) }

    mutating func bind(_ value: Int64?) {
        guard let value else { return bindNull() }
        bind(value)
    }

    mutating func bind(_ value: String?) {
        guard var value else { return bindNull() }
        index += 1
        let handle = handle
        let index = index
        value.withUTF8 { text in
            if let base = text.baseAddress, !text.isEmpty {
                _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(text.count), Self.transient)
            } else {
                _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
            }
        }
    }

    /// Binds UTF-8 bytes as text.
    mutating func bindText(_ bytes: [UInt8]) {
        index += 1
        let handle = handle
        let index = index
        bytes.withUnsafeBytes { buffer in
            if let base = buffer.baseAddress, !buffer.isEmpty {
                _ = sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), Self.transient)
            } else {
                _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
            }
        }
    }

    mutating func bind(_ bytes: [UInt8]) {
        index += 1
        let handle = handle
        let index = index
        bytes.withUnsafeBytes { buffer in
            if let base = buffer.baseAddress, !buffer.isEmpty {
                _ = sqlite3_bind_blob(handle, index, base, Int32(buffer.count), Self.transient)
            } else {
                _ = sqlite3_bind_zeroblob(handle, index, 0)
            }
        }
    }

    mutating func bind(_ bytes: [UInt8]?) {
        guard let bytes else { return bindNull() }
        bind(bytes)
    }

    mutating func bindNull() {
        index += 1
        sqlite3_bind_null(handle, index)
    }

    /// What an upsert (`INSERT … ON CONFLICT … DO UPDATE … WHERE …`) did.
    enum UpsertOutcome: Equatable {
        /// It inserted a new row, with this row id.
        case inserted(rowID: Int64)
        /// It updated the existing row.
        case updated
        /// The row existed and the update's `WHERE` refused it: nothing changed.
        case refused
    }

    /// Runs an upsert with the values bound since the last run. Tells an insert from an update
    /// by the connection's last inserted row id, set to 0 first (SQLite sets it on inserts only;
    /// row ids assigned by SQLite are positive), instead of a `RETURNING` clause, which costs an
    /// ephemeral table per run.
    mutating func runUpsert() throws -> UpsertOutcome {
        let connection = db.sqliteConnection
        sqlite3_set_last_insert_rowid(connection, 0)
        try run()
        guard sqlite3_changes(connection) > 0 else { return .refused }
        let rowID = sqlite3_last_insert_rowid(connection)
        return rowID == 0 ? .updated : .inserted(rowID: rowID)
    }

    /// Runs the statement with the values bound since the last run; returns the first column
    /// of the first row it yields as an integer (for `RETURNING`), `nil` when none.
    @discardableResult
    mutating func run() throws -> Int64? {
        defer { finish() }
        switch sqlite3_step(handle) {
        case SQLITE_DONE:
            return nil
        case SQLITE_ROW:
            let value = sqlite3_column_int64(handle, 0)
            while sqlite3_step(handle) == SQLITE_ROW {}
            return value
        default:
            throw failure()
        }
    }

    /// Steps a query run with the values bound since the last run: `true` with a row to read
    /// (see `FastStatement+Rows`), `false` once every row was read, ready for the next run.
    /// A run left midway keeps its values bound until `finish()`.
    mutating func nextRow() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            finish()
            return false
        default:
            defer { finish() }
            throw failure()
        }
    }

    /// Makes the statement ready for the next run (ends a query's run midway).
    mutating func finish() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        index = 0
    }

    /// The error of the last step, as GRDB reports it.
    private func failure() -> DatabaseError {
        let connection = db.sqliteConnection
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        let code = connection.map { sqlite3_extended_errcode($0) } ?? SQLITE_ERROR
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: String(cString: sqlite3_sql(handle)))
    }
}
