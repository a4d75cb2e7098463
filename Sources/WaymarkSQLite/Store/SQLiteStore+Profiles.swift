import GRDB
import WaymarkCore
import WaymarkStore

extension SQLiteStore {
    public func upsertProfiles(_ profiles: [ProfileRecord]) async throws(StoreError) {
        try await write("saving \(profiles.count) profiles") { db in
            for profile in profiles { try Self.upsert(profile, db) }
        }
    }

    public func linkIdentities(_ links: [(key: ProfileKey, identities: [ProfileKey])], at updatedAt: Int64) async throws(StoreError) {
        try await write("linking identities of \(links.count) profiles") { db in
            for link in links {
                let record = ProfileRecord(key: link.key, identities: link.identities, updatedAt: updatedAt)
                try Self.upsert(record, keepingSettings: true, db)
            }
        }
    }

    public func profiles(_ keys: [ProfileKey]) async throws(StoreError) -> [ProfileKey: ProfileRecord] {
        try await read("reading \(keys.count) profiles") { db in
            var found: [ProfileKey: ProfileRecord] = [:]
            var loaded: [Int64: ProfileRecord] = [:]
            for key in keys {
                guard let reference = try Self.profileReference(of: key, db) else { continue }
                if loaded[reference] == nil { loaded[reference] = try Self.profile(reference, db) }
                found[key] = loaded[reference]
            }
            return found
        }
    }

    /// The row of the profile that holds `key` as its primary key or another identity.
    static func profileReference(of key: ProfileKey, _ db: Database) throws -> Int64? {
        let statement = try db.cachedStatement(
            sql: """
                SELECT ref FROM profiles WHERE namespace = ?1 AND id = ?2
                UNION ALL SELECT profile FROM profile_identities WHERE namespace = ?1 AND id = ?2
                LIMIT 1
                """)
        return try Int64.fetchOne(statement, arguments: [key.namespace, key.id])
    }

    static func profile(_ reference: Int64, _ db: Database) throws -> ProfileRecord {
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT namespace, id, attributes, is_test_profile, time_zone, updated_at FROM profiles WHERE ref = ?"),
            arguments: [reference])
        guard let row else { throw StoreError(.corrupt, "profile row \(reference) is missing") }
        let key = try row.profileKey(0)
        let attributes: JSONValue
        do {
            attributes = try JSONValue(parsing: try row.decode(String.self, atIndex: 2))
        } catch {
            throw StoreError(.corrupt, "the attributes of profile \(key) are not JSON: \(error)")
        }
        let identityRows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT namespace, id FROM profile_identities WHERE profile = ? ORDER BY rowid"),
            arguments: [reference])
        return ProfileRecord(
            key: key, identities: try identityRows.map { try $0.profileKey(0) }, attributes: attributes,
            isTestProfile: try row.decode(atIndex: 3), timeZone: try row.decode(atIndex: 4), updatedAt: try row.decode(atIndex: 5))
    }

    /// Creates a profile or merges it into the one that holds its key or any of its identities;
    /// with `keepingSettings`, a known profile keeps its test flag and time zone.
    static func upsert(_ record: ProfileRecord, keepingSettings: Bool = false, _ db: Database) throws {
        let keys = [record.key] + record.identities
        let owners = Set(try keys.compactMap { try profileReference(of: $0, db) })
        guard owners.count <= 1 else {
            throw StoreError(.constraint, "profile \(record.key): its identities belong to \(owners.count) different profiles")
        }
        var profile: ProfileRecord
        let reference: Int64
        if let owner = owners.first {
            reference = owner
            let existing = try Self.profile(owner, db)
            profile = existing
            profile.attributes = existing.attributes.merging(record.attributes)
            if !keepingSettings {
                profile.isTestProfile = record.isTestProfile
                profile.timeZone = record.timeZone ?? existing.timeZone
            }
            profile.updatedAt = record.updatedAt
            try save(profile, reference: owner, db)
        } else {
            profile = record
            reference = try save(record, reference: nil, db)
        }
        let addIdentity = try db.cachedStatement(
            sql: "INSERT INTO profile_identities (namespace, id, profile) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
        for identity in keys where identity != profile.key {
            try addIdentity.execute(arguments: [identity.namespace, identity.id, reference])
        }
    }

    /// Writes a profile's own row (not its identities); returns its reference.
    @discardableResult
    static func save(_ profile: ProfileRecord, reference: Int64?, _ db: Database) throws -> Int64 {
        guard case .object = profile.attributes else {
            throw StoreError(.constraint, "profile \(profile.key): attributes must be a JSON object")
        }
        let attributes = profile.attributes.serialized()
        if let reference {
            try db.cachedStatement(sql: "UPDATE profiles SET attributes = ?, is_test_profile = ?, time_zone = ?, updated_at = ? WHERE ref = ?")
                .execute(arguments: [attributes, profile.isTestProfile, profile.timeZone, profile.updatedAt, reference])
            return reference
        }
        try db.cachedStatement(
            sql: "INSERT INTO profiles (namespace, id, attributes, is_test_profile, time_zone, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [
            profile.key.namespace, profile.key.id, attributes, profile.isTestProfile, profile.timeZone, profile.updatedAt,
        ])
        return db.lastInsertedRowID
    }

    /// Sets one attribute of a profile (creating the profile when unknown).
    static func apply(_ update: ProfileFieldUpdate, _ db: Database) throws {
        let components = update.path.split(separator: ".", omittingEmptySubsequences: false)
        guard !components.contains(where: \.isEmpty) else {
            throw StoreError(.constraint, "profile update of \(update.profile): '\(update.path)' is not a dotted field path")
        }
        let reference = try profileReference(of: update.profile, db)
        var profile = try reference.map { try Self.profile($0, db) } ?? ProfileRecord(key: update.profile, updatedAt: 0)
        profile.attributes = profile.attributes.setting(update.value, atPath: update.path)
        try save(profile, reference: reference, db)
    }
}
