extension SQLiteStore {
    /// How hard a commit pushes its data to the disk (SQLite's `synchronous` setting, in WAL mode).
    public enum Durability: String, Hashable, Sendable, CaseIterable {
        /// `synchronous=FULL`: every commit is fsync'd; a commit survives a power loss. The default.
        case full
        /// `synchronous=NORMAL`: commits survive a crash of the process (`kill -9`), the last ones
        /// may be lost on a power loss; much faster on slow disks.
        case normal

        /// The value of SQLite's `PRAGMA synchronous`.
        var pragmaValue: String {
            switch self {
            case .full: "FULL"
            case .normal: "NORMAL"
            }
        }
    }
}
