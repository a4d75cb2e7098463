import Foundation
import GRDB
import WaymarkCore
import WaymarkStore

extension SQLiteStore {
    public func saveConfigs(_ documents: [ConfigDocument]) async throws(StoreError) {
        var encoded: [(ConfigKey, String)] = []
        for document in documents {
            let key = ConfigKey(document)
            let sealed = try document.mappingSecrets { secret throws(StoreError) in try secrets.seal(secret) }
            do {
                encoded.append((key, String(decoding: try ConfigCoder.encode(sealed), as: UTF8.self)))
            } catch {
                throw StoreError(.constraint, "the \(key.kind) \(key.name) cannot be encoded: \(error)")
            }
        }
        let rows = encoded.map { [$0.0.kind, $0.0.name, $0.0.version, $0.1] }
        try await write("saving \(documents.count) configs") { db in
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO configs (kind, name, version, document) VALUES (?, ?, ?, ?)
                    ON CONFLICT (kind, name, version) DO UPDATE SET document = excluded.document
                    """)
            for row in rows { try statement.execute(arguments: StatementArguments(row)) }
        }
    }

    public func deleteConfigs(_ documents: [ConfigDocument]) async throws(StoreError) {
        let keys = documents.map(ConfigKey.init)
        try await write("deleting \(documents.count) configs") { db in
            let statement = try db.cachedStatement(sql: "DELETE FROM configs WHERE kind = ? AND name = ? AND version = ?")
            for key in keys { try statement.execute(arguments: [key.kind, key.name, key.version]) }
        }
    }

    public func configs() async throws(StoreError) -> [ConfigDocument] {
        let rows = try await read("reading configs") { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT kind, name, version, document FROM configs ORDER BY kind, name, version")
            var stored: [(key: String, document: String)] = []
            while let row = try rows.next() {
                let key = [try row.decode(String.self, atIndex: 0), try row.decode(atIndex: 1), try row.decode(atIndex: 2)]
                stored.append((key.joined(separator: " "), try row.decode(atIndex: 3)))
            }
            return stored
        }
        var documents: [ConfigDocument] = []
        for row in rows {
            let sealed: ConfigDocument
            do {
                sealed = try ConfigDocument.decode(from: Array(row.document.utf8))
            } catch {
                throw StoreError(.corrupt, "the stored config \(row.key) cannot be read: \(error)")
            }
            do {
                documents.append(try sealed.mappingSecrets { secret throws(StoreError) in try secrets.open(secret) })
            } catch {
                throw StoreError(.corrupt, "the stored config \(row.key): \(error.message)")
            }
        }
        return documents
    }
}
