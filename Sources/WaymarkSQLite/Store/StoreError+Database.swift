import GRDB
import WaymarkStore

extension StoreError {
    /// The store error for any error thrown while using the database.
    init(database error: any Error, doing what: String) {
        if let error = error as? StoreError {
            self = error
            return
        }
        if let error = error as? RowDecodingError {
            self.init(.corrupt, "\(what): \(error)")
            return
        }
        guard let error = error as? DatabaseError else {
            self.init(.io, "\(what): \(error)")
            return
        }
        let code: Code =
            switch error.resultCode {
            case .SQLITE_CONSTRAINT: .constraint
            case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_MISMATCH, .SQLITE_FORMAT: .corrupt
            default: .io
            }
        self.init(code, "\(what): \(error.message ?? "\(error.resultCode)") (SQLite \(error.extendedResultCode.rawValue))")
    }
}
