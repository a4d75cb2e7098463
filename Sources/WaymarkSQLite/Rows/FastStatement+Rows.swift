import GRDB
import GRDBSQLite
import WaymarkStore

/// The columns of the row a `FastStatement` query stands on (`nextRow()` returned `true`), read
/// through SQLite's C API. A column of another type than expected is a `StoreError` `.corrupt`
/// naming it: SQLite would otherwise convert it silently.
extension FastStatement {
    func integer(_ column: Int32) throws(StoreError) -> Int64 {
        try expect(SQLITE_INTEGER, "an integer", column)
        return sqlite3_column_int64(handle, column)
    }

    /// An integer column that may be NULL.
    func optionalInteger(_ column: Int32) throws(StoreError) -> Int64? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : try integer(column)
    }

    func text(_ column: Int32) throws(StoreError) -> String {
        try expect(SQLITE_TEXT, "text", column)
        guard let text = sqlite3_column_text(handle, column) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
    }

    func blob(_ column: Int32) throws(StoreError) -> [UInt8] {
        try expect(SQLITE_BLOB, "a BLOB", column)
        guard let bytes = sqlite3_column_blob(handle, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))))
    }

    /// A BLOB column that may be NULL.
    func optionalBlob(_ column: Int32) throws(StoreError) -> [UInt8]? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : try blob(column)
    }

    private func expect(_ type: Int32, _ what: String, _ column: Int32) throws(StoreError) {
        guard sqlite3_column_type(handle, column) != type else { return }
        let name = sqlite3_column_name(handle, column).map { String(cString: $0) } ?? "\(column)"
        throw StoreError(.corrupt, "column \(name) is not \(what) in: \(String(cString: sqlite3_sql(handle)))")
    }
}
