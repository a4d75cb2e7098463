/// Users, credentials (API tokens and sessions, by the hash of their secret) and the audit log.
/// Shipped: never edit, add a new migration instead.
enum Migration0007Access {
    static let identifier = "0007-access"

    static let sql = """
        CREATE TABLE users (
            name TEXT NOT NULL PRIMARY KEY CHECK (name <> ''),
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            created_at INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE credentials (
            secret_hash TEXT NOT NULL PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind = 'apiToken' OR kind = 'session'),
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER
        ) WITHOUT ROWID;

        CREATE TABLE audit_log (
            position INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL
        );
        """
}
