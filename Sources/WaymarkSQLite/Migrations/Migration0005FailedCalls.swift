/// Failed external calls kept for operators (dead letters): one row per call whose final
/// result was an error, written with the completion of its outbox row, listed by when it
/// failed. Shipped: never edit, add a new migration instead.
enum Migration0005FailedCalls {
    static let identifier = "0005-failed-calls"

    static let sql = """
        CREATE TABLE failed_calls (
            id TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
            kind TEXT NOT NULL CHECK (kind = 'action' OR kind = 'fetch'),
            partition INTEGER NOT NULL CHECK (partition >= 0),
            instance_id TEXT NOT NULL,
            profile_namespace TEXT NOT NULL,
            profile_id TEXT NOT NULL,
            request BLOB NOT NULL,
            error_kind TEXT NOT NULL CHECK (error_kind = 'http' OR error_kind = 'timeout' OR error_kind = 'capped'
                OR error_kind = 'internal'),
            error_code TEXT,
            failed_at INTEGER NOT NULL,
            attempts INTEGER CHECK (attempts >= 1),
            replayed_at INTEGER,
            replay_status INTEGER CHECK (replay_status BETWEEN 100 AND 599),
            replay_succeeded INTEGER CHECK (replay_succeeded = 0 OR replay_succeeded = 1),
            CHECK ((replayed_at IS NULL) = (replay_succeeded IS NULL)),
            CHECK (replay_status IS NULL OR replayed_at IS NOT NULL)
        );
        CREATE INDEX failed_calls_by_failed_at ON failed_calls (failed_at, id);
        """
}
