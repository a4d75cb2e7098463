import Foundation
import GRDB
import Synchronization
import WaymarkStore

/// The embedded default `WaymarkStore`: one SQLite file (WAL) in a data directory.
///
/// Uses a GRDB `DatabasePool`: one writer connection, which serializes the group commits, and
/// concurrent readers on WAL snapshots, so reads (routing, queries, the timer service's next due
/// instant) never wait for a commit in progress. Every write method is one transaction.
public final class SQLiteStore: WaymarkStore {
    /// The default data directory, relative to the working directory.
    public static let defaultDirectory = "waymark-data"
    /// The database file's name inside the data directory.
    public static let fileName = "waymark.sqlite"
    /// The file in the data directory holding the key that seals config secrets, when no key is given.
    public static let secretKeyFileName = "secret.key"
    /// The environment variable that gives the key sealing config secrets (base64 of 32 bytes).
    public static let secretKeyVariable = "WAYMARK_SECRET_KEY"

    /// The database file.
    public let path: String
    /// The durability of commits.
    public let durability: Durability
    /// Seals the secrets of configs before they are written and opens them when read.
    let secrets: SecretBox
    let pool: DatabasePool
    /// Step node rows by content, written once each (see `SQLiteStore+StepEvents`).
    let stepNodes = Mutex<[StepNodeKey: Int64]>([:])
    /// Instance rows seen by reads (`instances(of:)`), by instance id: a commit that writes steps
    /// of an instance it updated finds the row here instead of looking it up. Rows are never
    /// deleted and their reference and profile never change, so an entry cannot go stale; the
    /// cache is emptied when it holds `instanceReferenceLimit` entries.
    let instanceReferences = Mutex<[String: SQLiteCommitContext.InstanceReference]>([:])
    static let instanceReferenceLimit = 200_000

    /// Opens (creating when needed) the store in `directory` and applies pending migrations.
    ///
    /// - Parameter secrets: the key that seals config secrets at rest; by default the key in the
    ///   environment variable `WAYMARK_SECRET_KEY` (base64, 32 bytes), else the one in the data
    ///   directory's `secret.key`, created on first use (owner-only permissions).
    /// - Throws: `StoreError` `.io` when the directory or file cannot be created or opened,
    ///   `.corrupt` when the file is not a Waymark SQLite database.
    public init(
        directory: String = SQLiteStore.defaultDirectory, durability: Durability = .full, secrets: SecretBox? = nil
    ) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError(.io, "cannot create the data directory \(directory): \(error.localizedDescription)")
        }
        path = (directory as NSString).appendingPathComponent(Self.fileName)
        self.durability = durability
        if let secrets {
            self.secrets = secrets
        } else if let key = ProcessInfo.processInfo.environment[Self.secretKeyVariable], !key.isEmpty {
            self.secrets = try SecretBox(base64: key)
        } else {
            self.secrets = try SecretBox.keyFile(at: (directory as NSString).appendingPathComponent(Self.secretKeyFileName))
        }
        do {
            var configuration = Configuration()
            configuration.label = "waymark"
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA cache_size = -65536")
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
            }
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = \(durability.pragmaValue)")
                // Checkpoint every 10,000 WAL pages (~40 MB) instead of 1,000: group commits
                // write megabytes, and a page rewritten by several commits is copied once.
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 10000")
            }
            try SQLiteMigrations.migrator.migrate(pool)
        } catch {
            throw StoreError(database: error, doing: "opening \(path)")
        }
    }

    /// Runs `body` in one write transaction.
    func write<Result: Sendable>(_ what: String, _ body: @escaping @Sendable (Database) throws -> Result) async throws(StoreError)
        -> Result
    {
        try await access(what) { try await pool.write(body) }
    }

    /// Runs `body` on a read snapshot.
    func read<Result: Sendable>(_ what: String, _ body: @escaping @Sendable (Database) throws -> Result) async throws(StoreError)
        -> Result
    {
        try await access(what) { try await pool.read(body) }
    }

    /// Runs a database access, turning its errors into `StoreError`s that say what was done.
    private func access<Result: Sendable>(_ what: String, _ operation: () async throws -> Result) async throws(StoreError) -> Result {
        do {
            return try await operation()
        } catch {
            throw StoreError(database: error, doing: what)
        }
    }

    /// Copies the write-ahead log into the database file and truncates it (for measuring the
    /// file's size; SQLite also checkpoints by itself).
    public func checkpoint() async throws(StoreError) {
        _ = try await access("checkpointing \(path)") { try await pool.writeWithoutTransaction { try $0.checkpoint(.truncate) } }
    }

    /// The value of `PRAGMA synchronous` on the writer connection (0 off, 1 normal, 2 full).
    package func synchronousSetting() async throws(StoreError) -> Int {
        try await write("reading the synchronous setting") { try Int.fetchOne($0, sql: "PRAGMA synchronous") ?? -1 }
    }
}
