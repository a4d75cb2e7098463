import GRDB
import WaymarkCore
import WaymarkStore

extension SQLiteStore: AccessStore {
    public func users() async throws(StoreError) -> [UserRecord] {
        try await read("listing users") { db in
            try Row.fetchAll(db, sql: "SELECT name, role, password_hash, created_at FROM users ORDER BY name").map(Self.user)
        }
    }

    public func user(named name: String) async throws(StoreError) -> UserRecord? {
        try await read("reading user \(name)") { db in
            try Row.fetchOne(db, sql: "SELECT name, role, password_hash, created_at FROM users WHERE name = ?", arguments: [name])
                .map(Self.user)
        }
    }

    public func addUser(_ user: UserRecord) async throws(StoreError) {
        try await write("adding user \(user.name)") { db in
            try db.execute(
                sql: "INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                arguments: [user.name, user.role.rawValue, user.passwordHash, user.createdAt])
        }
    }

    public func addCredential(_ credential: CredentialRecord) async throws(StoreError) {
        try await write("adding a credential for \(credential.name)") { db in
            try db.execute(
                sql: "INSERT INTO credentials (secret_hash, kind, name, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    credential.secretHash, credential.kind.rawValue, credential.name, credential.role.rawValue, credential.createdAt,
                    credential.expiresAt,
                ])
        }
    }

    public func credential(secretHash: String) async throws(StoreError) -> CredentialRecord? {
        try await read("reading a credential") { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT secret_hash, kind, name, role, created_at, expires_at FROM credentials WHERE secret_hash = ?",
                    arguments: [secretHash])
            else { return nil }
            return CredentialRecord(
                secretHash: row[0], kind: try row.enumeration(CredentialRecord.Kind.self, 1), name: row[2],
                role: try row.enumeration(Role.self, 3), createdAt: row[4], expiresAt: row[5])
        }
    }

    public func removeCredential(secretHash: String) async throws(StoreError) {
        try await write("removing a credential") { db in
            try db.execute(sql: "DELETE FROM credentials WHERE secret_hash = ?", arguments: [secretHash])
        }
    }

    public func audit(_ record: AuditRecord) async throws(StoreError) {
        try await write("writing the audit log") { db in
            try db.execute(
                sql: "INSERT INTO audit_log (at, actor, action, target) VALUES (?, ?, ?, ?)",
                arguments: [record.at, record.actor, record.action, record.target])
        }
    }

    public func auditLog(limit: Int) async throws(StoreError) -> [AuditRecord] {
        try await read("reading the audit log") { db in
            try Row.fetchAll(db, sql: "SELECT at, actor, action, target FROM audit_log ORDER BY position DESC LIMIT ?", arguments: [max(0, limit)])
                .map { AuditRecord(at: $0[0], actor: $0[1], action: $0[2], target: $0[3]) }
        }
    }

    private static func user(_ row: Row) throws -> UserRecord {
        UserRecord(name: row[0], role: try row.enumeration(Role.self, 1), passwordHash: row[2], createdAt: row[3])
    }
}
